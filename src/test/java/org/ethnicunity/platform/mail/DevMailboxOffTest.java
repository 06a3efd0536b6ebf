package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** The shared test context (profiles dev and test) names its own SMTP server: the catcher stays off. */
class DevMailboxOffTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired JavaMailSenderImpl sender;

    @Test
    void mailsGoToTheTestsGreenMailAndThePageSaysSo() {
        assertThat(context.getBeanNamesForType(DevMailCatcher.class)).isEmpty();
        assertThat(sender.getPort()).isEqualTo(greenMail.getSmtp().getPort());

        RestClient.Response page = new RestClient(port).get(null, null, "/dev/mails");

        assertThat(page.status()).isEqualTo(404);
        assertThat(page.raw()).contains("演示环境邮件捕获器", "邮件捕获器未启用", "127.0.0.1:" + greenMail.getSmtp().getPort());
    }
}
