package org.ethnicunity.platform.nomination;

import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/** When a public notice that starts now ends: {@code ${publicNotice.endsAt()}} in the model's timer. */
@Component("publicNotice")
public class PublicNoticePeriod {

    private final NominationSettings settings;

    PublicNoticePeriod(NominationSettings settings) {
        this.settings = settings;
    }

    public Date endsAt() {
        return new Date(ClockUtil.getCurrentTime().getTime() + settings.publicNoticePeriod().toMillis());
    }
}
