package org.ethnicunity.platform.nomination;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nomination process, read by the model through the bean {@code nominationSettings}.
 *
 * @param assessorsPerApplication how many assessors score each application on site, in parallel
 * @param publicNoticeWorkingDays length of the public notice (公示) in working days
 */
@ConfigurationProperties("app.nomination")
public record NominationSettings(@DefaultValue("2") int assessorsPerApplication,
                                 @DefaultValue("5") int publicNoticeWorkingDays) {

    public NominationSettings {
        if (assessorsPerApplication < 1) {
            throw new IllegalArgumentException("app.nomination.assessors-per-application must be at least 1");
        }
        if (publicNoticeWorkingDays < 1) {
            throw new IllegalArgumentException("app.nomination.public-notice-working-days must be at least 1");
        }
    }
}
