package org.ethnicunity.platform.expiry;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When titles past their validity are settled and their holders told (bpmn/expiry.bpmn).
 *
 * @param cycle      ISO-8601 repeat of the daily run; with a start time and its offset (+08:00), so
 *                   that it runs at 01:30 Beijing time whatever the server's time zone
 * @param noticeDays the unit and the granting commission are told this many days before the expiry date
 * @param batchSize  designations settled per transaction: a failure rolls back one batch, not the run
 */
@ConfigurationProperties("app.expiry")
public record ExpirySettings(@DefaultValue("R/2025-01-01T01:30+08:00/P1D") String cycle,
                             @DefaultValue("90") int noticeDays,
                             @DefaultValue("200") int batchSize) {

    /** Refuses settings that would tell nobody or loop forever, at start. */
    public ExpirySettings {
        if (noticeDays < 1) {
            throw new IllegalArgumentException("app.expiry.notice-days 至少为 1 天 / must be at least 1: " + noticeDays);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("app.expiry.batch-size 至少为 1 / must be at least 1: " + batchSize);
        }
    }
}
