package org.ethnicunity.platform.mail;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.util.StringUtils;

/**
 * Starts the {@link DevMailCatcher} and points the mail sender at it: in the dev profile only, when
 * {@code app.mail.catcher.enabled} (true in application-dev.yml) and nobody named an SMTP server,
 * i.e. neither {@code MAIL_HOST} nor {@code spring.mail.host} is set anywhere but in the packaged
 * defaults. Whoever sets up Mailpit or a real server (docker compose, scripts/reminders-demo.sh,
 * the tests' GreenMail) gets that server.
 */
@Configuration(proxyBeanMethods = false)
@Profile("dev")
@Conditional(DevMailCatcherConfiguration.NoMailServerNamed.class)
class DevMailCatcherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DevMailCatcherConfiguration.class);

    @Bean(initMethod = "start", destroyMethod = "stop")
    DevMailCatcher devMailCatcher(@Value("${app.mail.catcher.max-mails:500}") int maxMails) {
        return new DevMailCatcher(maxMails, Clock.systemUTC());
    }

    /** Redirects Boot's mail sender as it is created, so no mail is ever tried against spring.mail.host. */
    @Bean
    static BeanPostProcessor mailSenderToDevMailCatcher(ObjectProvider<DevMailCatcher> catcher, Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JavaMailSenderImpl sender) {
                    DevMailCatcher target = catcher.getObject();
                    sender.setProtocol("smtp");
                    sender.setHost(target.host());
                    sender.setPort(target.port());
                    sender.setUsername(null);
                    sender.setPassword(null);
                    log.info("未配置 SMTP 服务器（MAIL_HOST），邮件由内置邮件捕获器 {}:{} 接收，请在 {}/dev/mails 查看"
                                    + " / no SMTP server configured: mails are caught, see /dev/mails",
                            target.host(), target.port(), environment.getProperty("app.mail.base-url", "http://localhost:8080"));
                }
                return bean;
            }
        };
    }

    static class NoMailServerNamed extends SpringBootCondition {

        private static final ConfigurationPropertyName MAIL_HOST = ConfigurationPropertyName.of("spring.mail.host");

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment environment = context.getEnvironment();
            ConditionMessage.Builder message = ConditionMessage.forCondition("DevMailCatcher");
            if (!environment.getProperty("app.mail.catcher.enabled", Boolean.class, false)) {
                return ConditionOutcome.noMatch(message.because("app.mail.catcher.enabled is not true"));
            }
            // Blank counts as unset, as with DB_URL.
            if (StringUtils.hasText(environment.getProperty("MAIL_HOST"))) {
                return ConditionOutcome.noMatch(message.because("MAIL_HOST is set"));
            }
            if (hostNamedOutsidePackagedDefaults(environment)) {
                return ConditionOutcome.noMatch(message.because("spring.mail.host is set"));
            }
            return ConditionOutcome.match(message.because("no SMTP server is named"));
        }

        /**
         * Whether the spring.mail.host in force comes from somewhere other than an application*.yml
         * inside the application (command line, environment, a file beside the jar, a test).
         */
        private static boolean hostNamedOutsidePackagedDefaults(Environment environment) {
            for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
                ConfigurationProperty property = source.getConfigurationProperty(MAIL_HOST);
                if (property != null) {
                    return !packaged(property.getOrigin());
                }
            }
            return false;
        }

        private static boolean packaged(Origin origin) {
            while (origin != null) {
                if (origin instanceof TextResourceOrigin text) {
                    // Config data wraps the file it read in an OriginTrackedResource.
                    Resource file = text.getResource() instanceof OriginTrackedResource tracked
                            ? tracked.getResource() : text.getResource();
                    return file instanceof ClassPathResource;
                }
                origin = origin instanceof PropertySourceOrigin wrapper ? wrapper.getOrigin() : origin.getParent();
            }
            return false;
        }
    }
}
