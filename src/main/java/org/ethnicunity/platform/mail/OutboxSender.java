package org.ethnicunity.platform.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds: right after the step that wrote a mail has committed, and again
 * every {@code app.mail.retry-interval} for whatever failed, with back-off.
 *
 * <p>Once only, also with two nodes: a node first <em>claims</em> a batch of mails in a short
 * transaction of its own (another node skips claimed mails), then hands them to the SMTP server one
 * by one over one connection and records each as sent the moment the server accepted it. A node
 * killed while sending leaves at most the one mail in flight unrecorded; its other claimed mails are
 * taken over when the claim expires ({@code app.mail.claim-timeout}). That one mail, sent again,
 * carries the same Message-ID ({@code <outbox-ID@host>}), so a receiver can discard the copy.
 *
 * <p>One log line per run that had failures (how many, the first error, the next retry), not one
 * per mail: an SMTP outage with thousands of mails waiting would otherwise fill the log.
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
    private final Duration claimTimeout;
    /** Who claims: this sender on this node (two senders in one JVM are two claimants). */
    private final String node;
    private final String messageIdHost;
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
        this(outbox, sender, settings, transactions, Duration.ofMinutes(5));
    }

    @Autowired
    OutboxSender(MailOutbox outbox, JavaMailSender sender, MailSettings settings, PlatformTransactionManager transactions,
                 @Value("${app.mail.claim-timeout:PT5M}") Duration claimTimeout) {
        this.outbox = outbox;
        this.sender = sender;
        this.settings = settings;
        this.claimTimeout = claimTimeout;
        this.node = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.messageIdHost = messageIdHost(settings);
        // A transaction of its own, also when called in afterCommit of the step that wrote the mail.
        this.transactions = new TransactionTemplate(transactions);
        this.transactions.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Sends these mails now, those that are due and that nobody else is sending. */
    public void trySend(List<Long> ids) {
        Run run = new Run();
        deliver(transactions.execute(tx -> outbox.claim(node, claimTimeout, ids)), run);
        run.report();
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
        Run run = new Run();
        try {
            while (true) {
                List<MailOutbox.OutboxMail> due = transactions.execute(tx -> outbox.claimDue(node, claimTimeout, BATCH));
                int sentBefore = run.sent;
                deliver(due, run);
                // Failed mails are due again only after their back-off, so this ends (and a batch that
                // sent nothing ends it, whatever the back-off); an unreachable server ends the run: one
                // attempt to connect a run, the other mails wait for the next.
                if (due.size() < BATCH || run.sent == sentBefore || run.unreachable
                        || Thread.currentThread().isInterrupted()) {
                    return run.sent;
                }
            }
        } finally {
            run.report();
        }
    }

    /** Mails that could not be handed to the SMTP server since start. */
    public long failures() {
        return failures.get();
    }

    /** The Message-ID of an outbox mail: the same on every attempt and every node. */
    String messageId(long mailId) {
        return "<outbox-" + mailId + "@" + messageIdHost + ">";
    }

    /** Hands the claimed mails to the SMTP server over one connection, recording each at once. */
    private void deliver(List<MailOutbox.OutboxMail> mails, Run run) {
        if (mails.isEmpty()) {
            return;
        }
        // Half the claim: what is not sent by then goes back, before another node may take it over.
        long deadline = System.nanoTime() + claimTimeout.toNanos() / 2;
        if (!(sender instanceof JavaMailSenderImpl smtp)) {
            for (MailOutbox.OutboxMail mail : mails) {
                try {
                    sender.send(message(mail, sender.createMimeMessage()));
                    sent(mail, run);
                } catch (MessagingException | MailException e) {
                    failed(mail, e, run);
                }
            }
            return;
        }
        Transport transport;
        try {
            transport = connect(smtp);
        } catch (MessagingException e) {
            run.unreachable = true;
            mails.forEach(mail -> failed(mail, e, run));
            return;
        }
        try {
            for (int i = 0; i < mails.size(); i++) {
                MailOutbox.OutboxMail mail = mails.get(i);
                if (System.nanoTime() > deadline) {
                    List<Long> rest = mails.subList(i, mails.size()).stream().map(MailOutbox.OutboxMail::id).toList();
                    transactions.executeWithoutResult(tx -> outbox.release(node, rest));
                    return;
                }
                try {
                    MimeMessage message = message(mail, smtp.createMimeMessage());
                    if (message.getSentDate() == null) {
                        message.setSentDate(new Date());
                    }
                    message.saveChanges();
                    // saveChanges makes up a new Message-ID; the stable one goes back in.
                    message.setHeader("Message-ID", messageId(mail.id()));
                    transport.sendMessage(message, message.getAllRecipients());
                    sent(mail, run);
                } catch (MessagingException e) {
                    failed(mail, e, run);
                    if (!transport.isConnected()) {
                        // The connection broke: the rest of the batch is tried on the next run.
                        run.unreachable = true;
                        mails.subList(i + 1, mails.size()).forEach(rest -> failed(rest, e, run));
                        return;
                    }
                }
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // Closing a connection the server may have dropped: nothing to do.
            }
        }
    }

    /** As JavaMailSenderImpl connects (its connectTransport is not public). */
    private static Transport connect(JavaMailSenderImpl smtp) throws MessagingException {
        Session session = smtp.getSession();
        String protocol = smtp.getProtocol() != null ? smtp.getProtocol()
                : session.getProperty("mail.transport.protocol") != null ? session.getProperty("mail.transport.protocol") : "smtp";
        String username = smtp.getUsername();
        String password = smtp.getPassword();
        if ("".equals(username)) {
            username = null;
            if ("".equals(password)) {
                password = null;
            }
        }
        Transport transport = session.getTransport(protocol);
        transport.connect(smtp.getHost(), smtp.getPort(), username, password);
        return transport;
    }

    private MimeMessage message(MailOutbox.OutboxMail mail, MimeMessage message) throws MessagingException {
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
        // JavaMailSenderImpl keeps a Message-ID set before it sends.
        message.setHeader("Message-ID", messageId(mail.id()));
        return message;
    }

    private void sent(MailOutbox.OutboxMail mail, Run run) {
        transactions.executeWithoutResult(tx -> outbox.markSent(mail.id()));
        log.info("Mail sent to {}: {}", mail.recipient(), mail.subject());
        run.sent++;
    }

    private void failed(MailOutbox.OutboxMail mail, Exception e, Run run) {
        Duration retryIn = backoff(mail.attempts());
        transactions.executeWithoutResult(tx -> outbox.markFailed(mail.id(), retryIn, e.getMessage()));
        failures.incrementAndGet();
        log.debug("Mail {} to {} failed (attempt {}), retry in {}: {}", mail.id(), mail.recipient(), mail.attempts() + 1,
                retryIn, e.toString());
        run.failed(mail, e, retryIn);
    }

    private Duration backoff(int attemptsSoFar) {
        Duration next = settings.retryBackoff().multipliedBy(1L << Math.min(attemptsSoFar, 20));
        return next.compareTo(settings.retryBackoffMax()) > 0 ? settings.retryBackoffMax() : next;
    }

    /** What one run of the sender did, for its one summarising log line. */
    private final class Run {
        int sent;
        int failed;
        boolean unreachable;
        String firstError;
        Duration nextRetry;
        int maxAttempt;

        void failed(MailOutbox.OutboxMail mail, Exception e, Duration retryIn) {
            failed++;
            if (firstError == null) {
                firstError = String.valueOf(e.getMessage());
            }
            if (nextRetry == null || retryIn.compareTo(nextRetry) < 0) {
                nextRetry = retryIn;
            }
            maxAttempt = Math.max(maxAttempt, mail.attempts() + 1);
        }

        void report() {
            if (failed > 0) {
                log.warn("Outbox: {} mails failed this run ({} sent; attempt up to {}; {} failures since start){}, "
                                + "next retry in {}; first error: {}", failed, sent, maxAttempt, failures.get(),
                        unreachable ? ", SMTP server unreachable, the others wait for the next run" : "", nextRetry,
                        firstError);
            }
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "node";
        }
    }

    /** The domain of app.mail.from, else the host of app.mail.base-url: a Message-ID's right-hand side. */
    static String messageIdHost(MailSettings settings) {
        try {
            String address = new InternetAddress(settings.from()).getAddress();
            int at = address == null ? -1 : address.lastIndexOf('@');
            if (at >= 0 && at < address.length() - 1) {
                return address.substring(at + 1);
            }
        } catch (MessagingException | RuntimeException ignored) {
            // Not an address: the base URL's host below.
        }
        try {
            String host = URI.create(settings.baseUrl()).getHost();
            if (host != null) {
                return host;
            }
        } catch (RuntimeException ignored) {
            // Neither: localhost.
        }
        return "localhost";
    }
}
