package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 25, item 8: two nodes on one outbox send each mail once, also when one of them dies while
 * sending; every mail carries a Message-ID derived from its outbox row; while the SMTP server is
 * down health says DEGRADED with HTTP 200 and the log gets one line a run, not one a mail. Each
 * "node" is an {@link OutboxSender} of its own over the application's outbox and GreenMail.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutboxOnceTest extends IntegrationTest {

    @Autowired MailOutbox outbox;
    @Autowired PlatformTransactionManager transactions;
    @Autowired JdbcClient jdbc;
    @Autowired OutboxSender applicationSender;
    @Value("${spring.mail.port}") int smtpPort;
    @LocalServerPort int port;

    @Test
    void twoNodesSendingAtOnceSendEachMailOnceWithItsStableMessageId() throws Exception {
        List<Long> ids = queue("once", 240);
        OutboxSender first = node(Duration.ofMinutes(5));
        OutboxSender second = node(Duration.ofMinutes(5));

        CountDownLatch start = new CountDownLatch(1);
        long started = System.nanoTime();
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> await(start, first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> await(start, second));
        start.countDown();
        int sentByFirst = a.get();
        int sentBySecond = b.get();
        long millis = (System.nanoTime() - started) / 1_000_000;

        Map<String, List<MimeMessage>> received = received("once");
        assertThat(received).hasSize(ids.size());
        assertThat(received.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        assertThat(sentByFirst + sentBySecond).isGreaterThanOrEqualTo(ids.size());
        for (long id : ids) {
            MimeMessage message = received.get(recipient(id)).get(0);
            assertThat(message.getMessageID()).isEqualTo("<outbox-" + id + "@test.example>");
        }
        System.out.printf("two nodes: %d mails in %d ms, first sent %d, second %d, received %d, twice 0%n", ids.size(),
                millis, sentByFirst, sentBySecond, received.values().stream().mapToInt(List::size).sum());
    }

    @Test
    void aNodeKilledWhileSendingLeavesWhatItSentAloneAndTheOtherTakesOverTheRestWhenItsClaimExpires()
            throws Exception {
        List<Long> ids = queue("killed", 20);
        // The dying node: claimed the batch, the SMTP server accepted (and it recorded) the first 8,
        // then it was killed. Its claim holds until expireClaims ends it.
        List<MailOutbox.OutboxMail> claimed = outbox.claim("killed-node", Duration.ofMinutes(5), ids);
        assertThat(claimed).hasSize(20);
        claimed.subList(0, 8).forEach(mail -> outbox.markSent(mail.id()));
        OutboxSender survivor = node(Duration.ofMinutes(5));

        survivor.trySend(ids);
        assertThat(received("killed")).as("claimed by the dying node: left alone").isEmpty();

        expireClaims("killed-node");
        survivor.trySend(ids);

        Map<String, List<MimeMessage>> received = received("killed");
        assertThat(received).hasSize(12).doesNotContainKeys(ids.subList(0, 8).stream().map(this::recipient).toArray(String[]::new));
        assertThat(received.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        assertThat(jdbc.sql("SELECT count(*) FROM registry.mail_outbox WHERE id IN (:ids) AND sent_at IS NULL")
                .param("ids", ids).query(Long.class).single()).isZero();
    }

    @Test
    void aNodeDyingBetweenTheServersAcceptanceAndItsRecordSendsThatOneMailAgainWithTheSameMessageId()
            throws Exception {
        List<Long> ids = queue("dying", 20);
        // This node dies right after the SMTP server accepted its 9th mail, before recording it.
        MailOutbox dyingOutbox = new MailOutbox(jdbc) {
            private int recorded;

            @Override
            void markSent(long id) {
                if (++recorded == 9) {
                    throw new NodeKilled();
                }
                super.markSent(id);
            }
        };
        OutboxSender dying = node(dyingOutbox, Duration.ofMinutes(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> dying.trySend(ids)).isInstanceOf(NodeKilled.class);
        OutboxSender survivor = node(Duration.ofMinutes(5));

        survivor.trySend(ids);
        assertThat(received("dying")).as("the dying node's claim holds").hasSize(9);
        expireClaims(null);
        survivor.trySend(ids);

        Map<String, List<MimeMessage>> received = received("dying");
        assertThat(received).hasSize(20);
        String twice = recipient(ids.get(8));
        assertThat(received.get(twice)).as("the one mail in flight").hasSize(2)
                .allSatisfy(copy -> assertThat(copy.getMessageID()).isEqualTo("<outbox-" + ids.get(8) + "@test.example>"));
        received.remove(twice);
        assertThat(received.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
    }

    private static final class NodeKilled extends Error {
    }

    @Test
    void withTheSmtpServerDownHealthIsDegradedWith200AndTheLogHasOneLineARun(CapturedOutput output) throws Exception {
        List<Long> ids = queue("down", 120);
        greenMail.stop();
        try {
            int logged = output.getAll().length();
            applicationSender.sendDue();
            applicationSender.sendDue();
            String log = output.getAll().substring(logged);
            long warnings = log.lines().filter(line -> line.contains("WARN")).count();
            assertThat(warnings).as(log).isEqualTo(2);
            assertThat(log).contains("mails failed this run", "SMTP server unreachable", "next retry in", "first error");
            assertThat(log.lines().filter(line -> line.contains("down-")).count()).as("no line names a mail").isZero();

            RestClient.Response health = new RestClient(port).get(null, null, "/actuator/health");
            assertThat(health.status()).as(health.raw()).isEqualTo(200);
            assertThat(health.body().get("status").asText()).isEqualTo("DEGRADED");
            assertThat(health.body().at("/components/mailOutbox/status").asText()).isEqualTo("DEGRADED");
            assertThat(health.body().at("/components/mail/status").asText()).isEqualTo("DEGRADED");
        } finally {
            greenMail.start();
        }
        // Back: every mail goes out once (the test's back-off is 0).
        while (applicationSender.sendDue() > 0) {
            // batch after batch
        }
        Map<String, List<MimeMessage>> received = received("down");
        assertThat(received).hasSize(ids.size());
        assertThat(received.values()).allSatisfy(copies -> assertThat(copies).hasSize(1));
        assertThat(new RestClient(port).get(null, null, "/actuator/health/mail").body().get("status").asText()).isEqualTo("UP");
    }

    private static int await(CountDownLatch start, OutboxSender sender) {
        try {
            start.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
        return sender.sendDue();
    }

    private OutboxSender node(Duration claimTimeout) {
        return node(outbox, claimTimeout);
    }

    private OutboxSender node(MailOutbox outbox, Duration claimTimeout) {
        JavaMailSenderImpl smtp = new JavaMailSenderImpl();
        smtp.setHost("127.0.0.1");
        smtp.setPort(smtpPort);
        MailSettings settings = new MailSettings("评审平台（测试） <noreply@test.example>", "http://localhost", false,
                Duration.ZERO, Duration.ofHours(1), false);
        return new OutboxSender(outbox, smtp, settings, transactions, claimTimeout);
    }

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private List<Long> queue(String kind, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long id = outbox.add(null, kind + "-" + run + "-" + i + "@test.example", "测试邮件 " + i, "正文",
                    "<p>正文</p>").orElseThrow();
            ids.add(id);
        }
        // Named by id from here on, so a recipient says which row it came from.
        jdbc.sql("UPDATE registry.mail_outbox SET recipient = :prefix || '-' || id || '@test.example' WHERE id IN (:ids)")
                .param("prefix", kind + "-" + run).param("ids", ids).update();
        return ids;
    }

    private String recipient(long id) {
        return jdbc.sql("SELECT recipient FROM registry.mail_outbox WHERE id = ?").param(id).query(String.class).single();
    }

    private Map<String, List<MimeMessage>> received(String kind) throws Exception {
        Map<String, List<MimeMessage>> byRecipient = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.startsWith(kind + "-" + run)) {
                byRecipient.computeIfAbsent(to, k -> new ArrayList<>()).add(m);
            }
        }
        return byRecipient;
    }

    /**
     * The claims run out, as they would once their time had passed: the outbox compares them with the
     * database's clock, which a test does not wait for. {@code node} null: every claim on this test's mails.
     */
    private void expireClaims(String node) {
        jdbc.sql("UPDATE registry.mail_outbox SET claimed_until = now() - interval '1 second' WHERE claimed_until IS NOT NULL"
                + (node == null ? "" : " AND claimed_by = :node")).params(node == null ? java.util.Map.of() : java.util.Map.of("node", node))
                .update();
    }
}
