package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The catcher as a real SMTP server: what a mail sender hands it comes back readable, newest first, capped. */
class DevMailCatcherTest {

    private static final Instant RECEIVED = Instant.parse("2026-05-11T02:30:00Z");

    private DevMailCatcher catcher;

    private DevMailCatcher start(int maxMails) {
        catcher = new DevMailCatcher(maxMails, Clock.fixed(RECEIVED, ZoneOffset.UTC));
        catcher.start();
        return catcher;
    }

    @AfterEach
    void stop() {
        if (catcher != null) {
            catcher.stop();
        }
    }

    static JavaMailSenderImpl senderTo(DevMailCatcher catcher) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(catcher.host());
        sender.setPort(catcher.port());
        sender.setDefaultEncoding("UTF-8");
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return sender;
    }

    /** A mail as OutboxSender builds it: plain text with an HTML alternative. */
    static void send(JavaMailSenderImpl sender, String to, String subject, String text, String html) {
        MimeMessage message = sender.createMimeMessage();
        try {
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("评审平台 <noreply@mzw.example>");
            helper.setTo(to);
            helper.setSubject(subject);
            helper.setText(text, html);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        sender.send(message);
    }

    @Test
    void listensOnAFreeLoopbackPortAndKeepsWhatArrives() {
        start(500);
        assertThat(catcher.host()).isEqualTo("127.0.0.1");
        assertThat(catcher.port()).isPositive().isNotEqualTo(1025);

        send(senderTo(catcher), "prelim1@demo.example", "【待办】属地初审：奈曼旗第一中学", "王丽提交了申请。", "<p>王丽提交了<b>申请</b>。</p>");

        assertThat(catcher.mails()).singleElement().satisfies(mail -> {
            assertThat(mail.number()).isEqualTo(1);
            assertThat(mail.receivedAt()).isEqualTo(RECEIVED);
            assertThat(mail.recipient()).isEqualTo("prelim1@demo.example");
            assertThat(mail.from()).isEqualTo("评审平台 <noreply@mzw.example>");
            assertThat(mail.subject()).isEqualTo("【待办】属地初审：奈曼旗第一中学");
            assertThat(mail.text()).isEqualTo("王丽提交了申请。");
            assertThat(mail.html()).isEqualTo("<p>王丽提交了<b>申请</b>。</p>");
        });
        assertThat(catcher.mail(1)).contains(catcher.mails().get(0));
    }

    @Test
    void showsNewestFirstAndKeepsOnlyTheNewest() {
        start(3);
        JavaMailSenderImpl sender = senderTo(catcher);
        IntStream.rangeClosed(1, 5).forEach(i -> send(sender, "unit1@demo.example", "通知 " + i, "正文 " + i, "<p>" + i + "</p>"));

        assertThat(catcher.mails()).extracting(CaughtMail::subject).containsExactly("通知 5", "通知 4", "通知 3");
        assertThat(catcher.mails()).extracting(CaughtMail::number).containsExactly(5L, 4L, 3L);
        assertThat(catcher.mail(4)).get().extracting(CaughtMail::text).isEqualTo("正文 4");
        assertThat(catcher.mail(2)).as("dropped by the cap").isEmpty();
    }

    @Test
    void aMailToSeveralPeopleIsListedOncePerRecipient() throws MessagingException {
        start(10);
        JavaMailSenderImpl sender = senderTo(catcher);
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, "UTF-8");
        helper.setFrom("noreply@mzw.example");
        helper.setTo(new String[] {"assessor1@demo.example", "assessor2@demo.example"});
        helper.setSubject("现场测评");
        helper.setText("只有纯文本。");
        sender.send(message);

        assertThat(catcher.mails()).extracting(CaughtMail::recipient)
                .containsExactlyInAnyOrder("assessor1@demo.example", "assessor2@demo.example");
        assertThat(catcher.mails()).allSatisfy(mail -> {
            assertThat(mail.text()).isEqualTo("只有纯文本。");
            assertThat(mail.html()).isNull();
        });
    }

    @Test
    void stoppedItListensNoMore() {
        start(10);
        JavaMailSenderImpl sender = senderTo(catcher);
        catcher.stop();
        catcher = null;

        assertThatThrownBy(() -> send(sender, "unit1@demo.example", "迟到", "x", "<p>x</p>")).isInstanceOf(MailException.class);
    }

    @Test
    void refusesACapBelowOne() {
        assertThatThrownBy(() -> new DevMailCatcher(0, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("app.mail.catcher.max-mails");
    }
}
