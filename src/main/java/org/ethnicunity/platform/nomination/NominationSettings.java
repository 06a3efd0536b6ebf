package org.ethnicunity.platform.nomination;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the nomination process, read by the model through the bean {@code nominationSettings}.
 *
 * @param assessorsPerApplication how many assessors score each application on site, in parallel
 * @param publicNoticePeriod      length of the public notice; calendar time until the working-day
 *                                calendar replaces it
 */
@ConfigurationProperties("app.nomination")
public record NominationSettings(@DefaultValue("2") int assessorsPerApplication,
                                 @DefaultValue("P7D") Duration publicNoticePeriod) {

    public NominationSettings {
        if (assessorsPerApplication < 1) {
            throw new IllegalArgumentException("app.nomination.assessors-per-application must be at least 1");
        }
    }
}
