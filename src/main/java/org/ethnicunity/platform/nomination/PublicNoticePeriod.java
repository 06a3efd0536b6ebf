package org.ethnicunity.platform.nomination;

import java.util.Date;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.springframework.stereotype.Component;

/** When a public notice that starts now ends: {@code ${publicNotice.endsAt()}} in the model's timer. */
@Component("publicNotice")
public class PublicNoticePeriod {

    private final NominationSettings settings;
    private final WorkingDays workingDays;

    PublicNoticePeriod(NominationSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public Date endsAt() {
        return workingDays.fromNow(settings.publicNoticeWorkingDays());
    }
}
