package org.ethnicunity.platform.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Sends a Chinese notice as HTML with a plain-text alternative, rendered from
 * {@code templates/mail/NAME.html} and {@code NAME.txt}. Inside a transaction the mail goes out only
 * after the commit, so a rolled-back step never tells anybody anything.
 */
@Service
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);

    private final JavaMailSender sender;
    private final TemplateEngine templates;
    private final MailSettings settings;
    private final AtomicLong failures = new AtomicLong();

    MailNotifier(JavaMailSender sender, TemplateEngine templates, MailSettings settings) {
        this.sender = sender;
        this.templates = templates;
        this.settings = settings;
    }

    public void send(String to, String subject, String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.SIMPLIFIED_CHINESE, model);
        context.setVariable("subject", subject);
        String html = templates.process("mail/" + template, context);
        String text = templates.process("mail/" + template + ".txt", context);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deliver(to, subject, text, html);
                }
            });
        } else {
            deliver(to, subject, text, html);
        }
    }

    public MailSettings settings() {
        return settings;
    }

    /** Mails that could not be handed to the SMTP server since start; also logged one by one. */
    public long failures() {
        return failures.get();
    }

    private void deliver(String to, String subject, String text, String html) {
        if (settings.logContent()) {
            log.info("Mail to {}: {}\n{}", to, subject, text);
        }
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom(settings.from());
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
            sender.send(message);
            log.info("Mail sent to {}: {}", to, subject);
        } catch (MailException | MessagingException e) {
            log.error("Mail to {} failed ({} failures so far): {}: {}", to, failures.incrementAndGet(), subject,
                    e.getMessage());
        }
    }
}
