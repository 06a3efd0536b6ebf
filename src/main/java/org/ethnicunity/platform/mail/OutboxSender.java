package org.ethnicunity.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: right after the step that wrote a mail has committed, and again
 * every {@code app.mail.retry-interval} for whatever failed, with back-off. Each mail is locked
 * while it is sent, so two application nodes never send the same one.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 50;
    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    static {
        // Jakarta Mail looks its StreamProvider up on every message it builds, through a ServiceLoader
        // that scans every jar on the class path: most of the time of a mail here (32 mails/s). Named
        // as a system property, the same provider is loaded by name instead.
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }

    private final MailOutbox outbox;
    private final JavaMailSender sender;
    private final MailSettings settings;
    private final TransactionTemplate transactions;
    private final AtomicLong failures = new AtomicLong();
    /**
     * The sender's own thread, for {@link #wake}: one run at a time and at most one waiting, so a
     * burst of wakes costs one extra pass, and whoever queued thousands of mails (the sweep) is not
     * held up handing them to the SMTP server.
     */
    private final ThreadPoolExecutor drainer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(1), runnable -> {
                Thread thread = new Thread(runnable, "outbox-sender");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    OutboxSender(MailOutbox outbox, JavaMailSender sender, MailSettings settings, PlatformTransactionManager transactions) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        // A transaction of its own, also when called in afterCommit of the step that wrote the mail.
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends these mails now, those that are due and that nobody else is sending. */
    public void trySend(List<Long> ids) {
        transactions.executeWithoutResult(tx -> deliver(outbox.claim(ids)));
    }

    /**
     * Sends these mails, just committed, on the sender's own thread: a reviewer submitting a form
     * waited for the SMTP server's greeting before (two thirds of a grading's time against GreenMail,
     * docs/benchmarks.md). Without the own thread (the tests), now, on the caller's.
     */
    public void sendSoon(List<Long> ids) {
        if (settings.ownThread()) {
            wake();
        } else {
            trySend(ids);
        }
    }

    /** Sends every due mail on the sender's own thread, now rather than at the next periodic run. */
    public void wake() {
        if (!settings.ownThread()) {
            sendDue();
            return;
        }
        drainer.execute(() -> {
            long started = System.nanoTime();
            try {
                int sent = sendDue();
                if (sent > 0) {
                    double seconds = (System.nanoTime() - started) / 1e9;
                    log.info("Outbox: {} mails sent in {} s ({} per second)", sent, String.format("%.1f", seconds),
                            String.format("%.0f", sent / seconds));
                }
            } catch (RuntimeException e) {
                log.warn("Outbox: sending stopped, the periodic run takes over: {}", e.toString());
            }
        });
    }

    @PreDestroy
    void stop() {
        drainer.shutdownNow();
    }

    /** Sends every due mail, batch by batch; returns how many were sent. */
    @Scheduled(fixedDelayString = "${app.mail.retry-interval:PT30S}", initialDelayString = "${app.mail.retry-interval:PT30S}")
    public int sendDue() {
        int sent = 0;
        while (true) {
            Batch batch = transactions.execute(tx -> {
                List<MailOutbox.OutboxMail> due = outbox.claimDue(BATCH);
                return new Batch(due.size(), deliver(due));
            });
            sent += batch.sent();
            // Failed mails are due again only after their back-off, so this ends.
            if (batch.claimed() < BATCH || Thread.currentThread().isInterrupted()) {
                return sent;
            }
        }
    }

    private record Batch(int claimed, int sent) {
    }

    /** Mails that could not be handed to the SMTP server since start. */
    public long failures() {
        return failures.get();
    }

    /** Hands the mails to the SMTP server over one connection; records each as sent or failed. */
    private int deliver(List<MailOutbox.OutboxMail> mails) {
        if (mails.isEmpty()) {
            return 0;
        }
        Map<MimeMessage, MailOutbox.OutboxMail> messages = new LinkedHashMap<>();
        for (MailOutbox.OutboxMail mail : mails) {
            try {
                messages.put(message(mail), mail);
            } catch (MessagingException e) {
                failed(mail, e);
            }
        }
        Map<Object, Exception> failed = Map.of();
        try {
            sender.send(messages.keySet().toArray(MimeMessage[]::new));
        } catch (MailSendException e) {
            failed = e.getFailedMessages();
        } catch (MailException e) {
            // Not even connected: every mail of the batch failed.
            Map<Object, Exception> all = new java.util.HashMap<>();
            messages.keySet().forEach(m -> all.put(m, e));
            failed = all;
        }
        int sent = 0;
        for (Map.Entry<MimeMessage, MailOutbox.OutboxMail> entry : messages.entrySet()) {
            Exception error = failed.get(entry.getKey());
            if (error == null) {
                outbox.markSent(entry.getValue().id());
                log.info("Mail sent to {}: {}", entry.getValue().recipient(), entry.getValue().subject());
                sent++;
            } else {
                failed(entry.getValue(), error);
            }
        }
        return sent;
    }

    private MimeMessage message(MailOutbox.OutboxMail mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.text(), mail.html());
        for (MailAttachment a : outbox.attachments(mail.id())) {
            org.springframework.core.io.ByteArrayResource content = new org.springframework.core.io.ByteArrayResource(a.content());
            if (a.contentId() != null) {
                helper.addInline(a.contentId(), content, a.contentType());
            } else {
                helper.addAttachment(a.filename(), content, a.contentType());
            }
        }
        return message;
    }

    private void failed(MailOutbox.OutboxMail mail, Exception e) {
        Duration retryIn = backoff(mail.attempts());
        outbox.markFailed(mail.id(), retryIn, e.getMessage());
        log.warn("Mail to {} failed (attempt {}, {} failures since start), retry in {}: {}: {}", mail.recipient(),
                mail.attempts() + 1, failures.incrementAndGet(), retryIn, mail.subject(), e.getMessage());
    }

    private Duration backoff(int attemptsSoFar) {
        Duration next = settings.retryBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return next.compareTo(settings.retryBackoffMax()) > 0 ? settings.retryBackoffMax() : next;
    }
}
