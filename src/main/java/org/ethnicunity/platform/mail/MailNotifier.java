package org.ethnicunity.platform.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a Chinese notice, HTML with a plain-text alternative rendered from
 * {@code templates/mail/NAME.html} and {@code NAME.txt}, into the outbox in the current transaction
 * (the engine's, inside a process step). It is sent once that transaction has committed, on the
 * outbox's own thread, so whoever completed the step does not wait for the SMTP server; if sending
 * fails, {@link OutboxSender} retries it. A rolled-back step therefore tells nobody anything, and an
 * SMTP outage loses nothing.
 */
@Service
public class MailNotifier {

    private static final Logger log = LoggerFactory.getLogger(MailNotifier.class);
    /** Key of the transaction-bound list of outbox ids queued in it. */
    private static final Object QUEUED = new Object();
    private static final Object DEFERRED = new Object();

    /**
     * The mails the current transaction queues are left to the outbox's periodic sender instead of
     * being sent right after the commit: a launch starting thousands of instances must not wait for
     * SMTP between its batches. Call inside the transaction; it ends with it.
     */
    public static void deferToOutbox() {
        if (TransactionSynchronizationManager.isSynchronizationActive()
                && !TransactionSynchronizationManager.hasResource(DEFERRED)) {
            TransactionSynchronizationManager.bindResource(DEFERRED, Boolean.TRUE);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(DEFERRED);
                }
            });
        }
    }

    private final TemplateEngine templates;
    private final MailSettings settings;
    private final MailOutbox outbox;
    private final OutboxSender sender;

    MailNotifier(TemplateEngine templates, MailSettings settings, MailOutbox outbox, OutboxSender sender) {
        this.templates = templates;
        this.settings = settings;
        this.outbox = outbox;
        this.sender = sender;
    }

    public void send(String to, String subject, String template, Map<String, Object> model) {
        sendOnce(null, to, subject, template, model);
    }

    /**
     * Like {@link #send}, but at most once per {@code dedupKey} (e.g. one digest per person and day),
     * whichever node or run asks first. @return whether this call queued the mail
     */
    public boolean sendOnce(String dedupKey, String to, String subject, String template, Map<String, Object> model) {
        return sendOnce(dedupKey, to, subject, template, model, List.of());
    }

    /** Like {@link #sendOnce(String, String, String, String, Map)}, with files (kept in the outbox with the mail). */
    public boolean sendOnce(String dedupKey, String to, String subject, String template, Map<String, Object> model,
                            List<MailAttachment> attachments) {
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, model);
        context.setVariable("subject", subject);
        String html = templates.process("mail/" + template, context);
        String text = templates.process("mail/" + template + ".txt", context);
        if (settings.logContent()) {
            log.info("Mail to {}: {}\n{}", to, subject, text);
        }
        Optional<Long> id = outbox.add(dedupKey, to, subject, text, html);
        id.ifPresent(mail -> attachments.forEach(a -> outbox.attach(mail, a)));
        id.ifPresent(this::sendAfterCommit);
        return id.isPresent();
    }

    public MailSettings settings() {
        return settings;
    }

    /** Sends the mails a transaction queued, together, once it has committed. */
    private void sendAfterCommit(long id) {
        if (TransactionSynchronizationManager.hasResource(DEFERRED)) {
            return;
        }
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            sender.trySend(List.of(id));
            return;
        }
        @SuppressWarnings("unchecked")
        List<Long> queued = (List<Long>) TransactionSynchronizationManager.getResource(QUEUED);
        if (queued == null) {
            List<Long> ids = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(QUEUED, ids);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(QUEUED);
                    if (status == STATUS_COMMITTED) {
                        sender.sendSoon(ids);
                    }
                }
            });
            queued = ids;
        }
        queued.add(id);
    }
}
