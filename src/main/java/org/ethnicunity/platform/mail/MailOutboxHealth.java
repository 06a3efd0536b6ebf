package org.ethnicunity.platform.mail;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mailOutbox}: DEGRADED while mails are failing (the SMTP server is down or
 * refuses them), with how many wait and for how long; they are not lost and go out on recovery.
 * Counts only, since health is open to load balancers: the last SMTP error, which can name an
 * address, is in the administrators' {@code /actuator/reminders}.
 */
@Component("mailOutboxHealthIndicator")
class MailOutboxHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "邮件发送失败，正在重试 / mails are failing and being retried");

    private final MailOutbox outbox;
    private final OutboxSender sender;

    MailOutboxHealth(MailOutbox outbox, OutboxSender sender) {
        this.outbox = outbox;
        this.sender = sender;
    }

    @Override
    public Health health() {
        MailOutbox.Status status = outbox.status();
        Health.Builder health = status.failing() > 0 ? Health.status(DEGRADED) : Health.up();
        health.withDetail("waiting", status.waiting()).withDetail("failing", status.failing())
                .withDetail("failuresSinceStart", sender.failures());
        if (status.oldestWaitingSeconds() != null) {
            health.withDetail("oldestWaitingSeconds", status.oldestWaitingSeconds());
        }
        return health.build();
    }
}
