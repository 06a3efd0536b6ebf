package org.ethnicunity.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * When the catcher runs and that the mail sender then uses it. A bare ApplicationContextRunner (this
 * configuration and a mail sender, nothing else, no server) rather than the application's context:
 * the shared test context has the catcher off, and the rule is about the environment at start.
 */
class DevMailCatcherConfigurationTest {

    /** The application's own configuration files, read as at start (application.yml, application-PROFILE.yml). */
    private static ApplicationContextRunner withProfiles(String... profiles) {
        return new ApplicationContextRunner()
                .withInitializer(context -> ConfigDataEnvironmentPostProcessor.applyTo(context.getEnvironment(), null, null, profiles))
                .withBean(JavaMailSenderImpl.class, () -> {
                    // As Boot's mail configuration builds it from spring.mail.*.
                    JavaMailSenderImpl sender = new JavaMailSenderImpl();
                    sender.setHost("localhost");
                    sender.setPort(1025);
                    sender.setUsername("someone");
                    return sender;
                })
                .withUserConfiguration(DevMailCatcherConfiguration.class);
    }

    /** The default profile, dev, as {@code mvn spring-boot:run} or {@code java -jar} start it. */
    private final ApplicationContextRunner dev = withProfiles().withPropertyValues("app.mail.catcher.max-mails=7");

    @Test
    void withoutAServerNamedTheMailSenderGoesToTheCatcher() {
        int[] port = new int[1];
        dev.run(context -> {
            DevMailCatcher catcher = context.getBean(DevMailCatcher.class);
            JavaMailSenderImpl sender = context.getBean(JavaMailSenderImpl.class);
            assertThat(sender.getHost()).isEqualTo("127.0.0.1");
            assertThat(sender.getPort()).isEqualTo(catcher.port());
            assertThat(sender.getUsername()).isNull();
            assertThat(catcher.maxMails()).isEqualTo(7);

            DevMailCatcherTest.send(sender, "prelim1@demo.example", "【待办】属地初审", "初审", "<p>初审</p>");
            assertThat(catcher.mails()).extracting(CaughtMail::subject).containsExactly("【待办】属地初审");
            port[0] = catcher.port();
        });
        JavaMailSenderImpl late = new JavaMailSenderImpl();
        late.setHost("127.0.0.1");
        late.setPort(port[0]);
        assertThatThrownBy(() -> DevMailCatcherTest.send(late, "x@demo.example", "关闭后", "x", "<p>x</p>"))
                .as("stopped with the context").isInstanceOf(MailException.class);
    }

    @Test
    void mailHostNamesTheServer() {
        dev.withPropertyValues("MAIL_HOST=mailpit").run(context -> {
            assertThat(context).doesNotHaveBean(DevMailCatcher.class);
            assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("localhost");
        });
    }

    @Test
    void aBlankMailHostNamesNothing() {
        dev.withPropertyValues("MAIL_HOST=").run(context -> assertThat(context).hasSingleBean(DevMailCatcher.class));
    }

    @Test
    void springMailHostSetOutsideTheApplicationNamesTheServer() {
        dev.withPropertyValues("spring.mail.host=127.0.0.1").run(context -> {
            assertThat(context).doesNotHaveBean(DevMailCatcher.class);
            assertThat(context.getBean(JavaMailSenderImpl.class).getPort()).isEqualTo(1025);
        });
    }

    @Test
    void theTestProfileKeepsItOff() {
        withProfiles("dev", "test").run(context -> assertThat(context).doesNotHaveBean(DevMailCatcher.class));
    }

    @Test
    void offUnlessEnabled() {
        dev.withPropertyValues("app.mail.catcher.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(DevMailCatcher.class));
    }

    @Test
    void neverOutsideTheDevProfile() {
        withProfiles("prod").run(context -> {
            assertThat(context).doesNotHaveBean(DevMailCatcher.class);
            assertThat(context.getBean(JavaMailSenderImpl.class).getHost()).isEqualTo("localhost");
        });
    }
}
