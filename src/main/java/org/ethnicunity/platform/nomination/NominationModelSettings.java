package org.ethnicunity.platform.nomination;

import java.util.Date;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.springframework.stereotype.Component;

/**
 * {@link NominationSettings} for the model's expressions: {@code ${nominationSettings.assessorsPerApplication}}
 * (parallel site assessments) and {@code ${nominationSettings.publicNoticeEndsAt()}} (the notice timer).
 */
@Component("nominationSettings")
public class NominationModelSettings {

    private final NominationSettings settings;
    private final WorkingDays workingDays;

    NominationModelSettings(NominationSettings settings, WorkingDays workingDays) {
        this.settings = settings;
        this.workingDays = workingDays;
    }

    public int getAssessorsPerApplication() {
        return settings.assessorsPerApplication();
    }

    /** When a public notice that starts now ends, in working days. */
    public Date publicNoticeEndsAt() {
        return workingDays.fromNow(settings.publicNoticeWorkingDays());
    }
}
