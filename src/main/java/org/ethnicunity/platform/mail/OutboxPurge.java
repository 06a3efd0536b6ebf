package org.ethnicunity.platform.mail;

import java.time.OffsetDateTime;
import org.ethnicunity.platform.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, deletes the mails sent more than {@code app.mail.keep-sent-days} ago, so that the
 * outbox holds a few months of notices rather than every notice ever sent. Mails not yet sent stay
 * however old they are: they are still being retried, and deleting one would lose a notice without
 * anyone being told (the health check shows them instead).
 * <p>
 * Several nodes may run it at the same time: it deletes by age, so what one node removed another
 * finds gone, and it deletes in chunks, skipping rows another node holds, so nobody waits.
 */
@Component
public class OutboxPurge {

    private static final Logger log = LoggerFactory.getLogger(OutboxPurge.class);
    /** Rows per statement: keeps each delete, and the locks it holds, short. */
    private static final int CHUNK = 1000;

    private final MailOutbox outbox;
    private final BusinessClock clock;
    private final int keepSentDays;

    OutboxPurge(MailOutbox outbox, BusinessClock clock, @Value("${app.mail.keep-sent-days:90}") int keepSentDays) {
        // At least a day: a digest's outbox row is what stops a second digest to the same person that day.
        if (keepSentDays < 1) {
            throw new IllegalArgumentException("app.mail.keep-sent-days 至少为 1 天，现为 " + keepSentDays
                    + " / must be at least 1 day");
        }
        this.outbox = outbox;
        this.clock = clock;
        this.keepSentDays = keepSentDays;
    }

    /** @return how many sent mails were deleted */
    @Scheduled(cron = "${app.mail.purge-cron:0 30 0 * * *}", zone = "${app.time-zone:Asia/Shanghai}")
    public int purge() {
        OffsetDateTime cutoff = clock.now().minusDays(keepSentDays);
        int deleted = 0;
        int chunk;
        do {
            chunk = outbox.deleteSentBefore(cutoff, CHUNK);
            deleted += chunk;
        } while (chunk == CHUNK);
        if (deleted > 0) {
            log.info("已删除 {} 封 {} 之前发出的邮件 / sent mails purged", deleted, cutoff.toLocalDate());
        }
        return deleted;
    }
}
