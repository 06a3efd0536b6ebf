package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.TemplateEngine;

/**
 * A mail a step queues is sent once the step's transaction has committed: on the outbox's own thread
 * where that is on (the default), so a reviewer submitting a form does not wait for the SMTP server;
 * on the caller's where it is off (the tests' setting). A rolled-back step sends nothing either way.
 * The sender and notifier are built here over the application's outbox, templates and database,
 * with a mail sender that notes the thread it connects on and hands the mail to GreenMail.
 */
class MailAfterCommitTest extends IntegrationTest {

    @Autowired MailOutbox outbox;
    @Autowired TemplateEngine templates;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Value("${spring.mail.port}") int smtpPort;

    private final List<String> sendingThreads = new CopyOnWriteArrayList<>();
    private OutboxSender sender;

    @AfterEach
    void stopSender() {
        if (sender != null) {
            sender.stop();
        }
    }

    @Test
    void withItsOwnThreadTheSenderSendsAfterTheCommitAndTheCallerDoesNotWaitForIt() throws Exception {
        MailNotifier notifier = notifier(true);

        String caller = queueInATransaction(notifier, "own-thread@test.example", false);

        assertThat(greenMail.waitForIncomingEmail(Duration.ofSeconds(10).toMillis(), 1)).isTrue();
        assertThat(recipients()).contains("own-thread@test.example");
        assertThat(sendingThreads).containsOnly("outbox-sender").doesNotContain(caller);
        assertThat(sentAt("own-thread@test.example")).as("marked sent").isTrue();
    }

    @Test
    void withoutItTheCallerSendsRightAfterTheCommit() throws Exception {
        MailNotifier notifier = notifier(false);

        String caller = queueInATransaction(notifier, "caller-thread@test.example", false);

        assertThat(recipients()).as("sent before the call returned").contains("caller-thread@test.example");
        assertThat(sendingThreads).containsOnly(caller);
    }

    @Test
    void aRolledBackStepSendsNothing() throws Exception {
        MailNotifier notifier = notifier(true);

        queueInATransaction(notifier, "rolled-back@test.example", true);
        sender.sendDue();

        assertThat(recipients()).doesNotContain("rolled-back@test.example");
        assertThat(jdbc.sql("SELECT count(*) FROM registry.mail_outbox WHERE recipient = ?")
                .param("rolled-back@test.example").query(Long.class).single()).isZero();
    }

    private MailNotifier notifier(boolean ownThread) {
        if (sender != null) {
            sender.stop();
        }
        JavaMailSenderImpl smtp = new JavaMailSenderImpl() {
            // The sender connects to the SMTP server through the session (one connection a batch).
            @Override
            public synchronized jakarta.mail.Session getSession() {
                sendingThreads.add(Thread.currentThread().getName());
                return super.getSession();
            }
        };
        smtp.setHost("127.0.0.1");
        smtp.setPort(smtpPort);
        MailSettings settings = new MailSettings("noreply@test.example", "http://localhost", false,
                Duration.ofSeconds(30), Duration.ofHours(1), ownThread);
        sender = new OutboxSender(outbox, smtp, settings, transactions);
        return new MailNotifier(templates, settings, outbox, sender);
    }

    /** Queues a notice in a transaction of its own; returns the calling thread's name. */
    private String queueInATransaction(MailNotifier notifier, String to, boolean rollBack) {
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            notifier.send(to, "2026年度评估结果：合格：测试单位", "annual-review-result", Map.of("contactName", "联系人",
                    "unitName", "测试单位", "reviewYear", 2026, "gradeLabel", "合格", "levelLabel", "旗县级",
                    "documentNumber", "测试文号", "designationLink", "http://localhost/"));
            if (rollBack) {
                tx.setRollbackOnly();
            }
        });
        return Thread.currentThread().getName();
    }

    private List<String> recipients() throws Exception {
        List<String> to = new java.util.ArrayList<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            to.add(m.getAllRecipients()[0].toString());
        }
        return to;
    }

    private boolean sentAt(String to) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (jdbc.sql("SELECT sent_at IS NOT NULL FROM registry.mail_outbox WHERE recipient = ? ORDER BY id DESC LIMIT 1")
                    .param(to).query(Boolean.class).single()) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
