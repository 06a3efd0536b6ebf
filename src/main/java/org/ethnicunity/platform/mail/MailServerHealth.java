package org.ethnicunity.platform.mail;

import jakarta.mail.MessagingException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/mail}: the SMTP server answers (UP) or not (DEGRADED, HTTP 200). Replaces
 * Spring Boot's own indicator of that name, which says DOWN: that turned the whole health DOWN while
 * the SMTP server was away, although nothing is lost then (the outbox keeps every mail and sends it
 * on recovery) and the application serves everybody as before. Load balancers must not take a node
 * out for it.
 */
@Component("mailHealthIndicator")
class MailServerHealth extends AbstractHealthIndicator {

    private final ObjectProvider<JavaMailSenderImpl> smtp;

    MailServerHealth(ObjectProvider<JavaMailSenderImpl> smtp) {
        super("SMTP server check failed");
        this.smtp = smtp;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        JavaMailSenderImpl sender = smtp.getIfAvailable();
        if (sender == null) {
            builder.up();
            return;
        }
        builder.withDetail("location", sender.getHost() + (sender.getPort() > 0 ? ":" + sender.getPort() : ""));
        try {
            sender.testConnection();
            builder.up();
        } catch (MessagingException e) {
            builder.status(MailOutboxHealth.DEGRADED).withDetail("error", String.valueOf(e.getMessage()));
        }
    }
}
