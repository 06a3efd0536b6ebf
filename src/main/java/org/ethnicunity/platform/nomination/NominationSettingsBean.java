package org.ethnicunity.platform.nomination;

import org.springframework.stereotype.Component;

/** Exposes {@link NominationSettings} to the model's expressions as {@code nominationSettings}. */
@Component("nominationSettings")
public class NominationSettingsBean {

    private final NominationSettings settings;

    NominationSettingsBean(NominationSettings settings) {
        this.settings = settings;
    }

    public int getAssessorsPerApplication() {
        return settings.assessorsPerApplication();
    }
}
