package org.ethnicunity.platform.publicnotice;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the public notice page (公示).
 *
 * @param objectionsPerAddress objections (tries included) one network address may send within {@code rateWindow}
 * @param rateWindow           the window of that limit
 * @param maxContentLength     the longest objection text, in characters (at most 4,000)
 * @param maxRequestBytes      the largest objection request accepted at all
 */
@ConfigurationProperties("app.public-notice")
public record PublicNoticeSettings(@DefaultValue("5") int objectionsPerAddress,
                                   @DefaultValue("PT1H") Duration rateWindow,
                                   @DefaultValue("2000") int maxContentLength,
                                   @DefaultValue("32768") long maxRequestBytes) {

    public PublicNoticeSettings {
        if (objectionsPerAddress < 1 || rateWindow.isNegative() || rateWindow.isZero()) {
            throw new IllegalArgumentException("app.public-notice.objections-per-address must be at least 1 "
                    + "and app.public-notice.rate-window positive");
        }
        // An anonymous form's text stays short: at most 4,000 characters (a person's own forms take up to
        // Variable.TEXT_MAX, 20,000, since engine.LongTextColumns).
        if (maxContentLength < 10 || maxContentLength > 4000 || maxRequestBytes < 1024) {
            throw new IllegalArgumentException("app.public-notice.max-content-length must be 10 to 4000 "
                    + "and app.public-notice.max-request-bytes at least 1024");
        }
    }
}
