package org.ethnicunity.platform.security;

import java.util.Locale;
import java.util.Set;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses, before anything starts, the two configurations that would put known credentials on a
 * real system: the demo profile (demo users, password "demo", the default when no profile is
 * named) on an external database, unless a person opted in for a throw-away demo
 * ({@value #EXTERNAL_DEMO_SWITCH}, as docker-compose.yml does); and the production profile with a
 * weak first-administrator password.
 */
public class SafeDefaults implements EnvironmentPostProcessor {

    static final String EXTERNAL_DEMO_SWITCH = "app.demo.external-database-allowed";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    /** Words that make a password guessable whatever surrounds them. */
    private static final Set<String> WEAK = Set.of("demo", "admin", "password", "passw0rd", "camunda", "changeme",
            "change-me", "123456", "qwerty", "secret");

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        String databaseUrl = environment.getProperty("spring.datasource.url", "");
        if (environment.acceptsProfiles(Profiles.of("dev")) && !databaseUrl.isBlank()
                && !environment.getProperty(EXTERNAL_DEMO_SWITCH, Boolean.class, false)) {
            throw new UnsafeConfiguration("演示配置（dev，含演示用户和密码 demo）不能用于外部数据库 " + databaseUrl
                    + "。生产环境请设置 SPRING_PROFILES_ACTIVE=prod 并创建第一个管理员（见 docs/operations.md）；"
                    + "确需在外部数据库上运行一次性演示时，请显式设置 APP_DEMO_EXTERNAL_DATABASE_ALLOWED=true。"
                    + " / The demo profile (demo users, password 'demo') refuses an external database; use "
                    + "SPRING_PROFILES_ACTIVE=prod, or opt in with APP_DEMO_EXTERNAL_DATABASE_ALLOWED=true for a demo.");
        }
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (environment.acceptsProfiles(Profiles.of("prod")) && adminPassword != null
                && weak(adminPassword, environment.getProperty("camunda.bpm.admin-user.id", ""))) {
            throw new UnsafeConfiguration("生产配置（prod）拒绝弱管理员密码：CAMUNDA_BPM_ADMINUSER_PASSWORD 至少 "
                    + MIN_ADMIN_PASSWORD_LENGTH + " 个字符，不能含常见密码（demo、admin、password、123456 等）或用户名。"
                    + " / prod refuses a weak first-administrator password (at least " + MIN_ADMIN_PASSWORD_LENGTH
                    + " characters, no common password nor the user id in it).");
        }
    }

    static boolean weak(String password, String userId) {
        String lower = password.toLowerCase(Locale.ROOT);
        return password.length() < MIN_ADMIN_PASSWORD_LENGTH || WEAK.stream().anyMatch(lower::contains)
                || !userId.isBlank() && lower.contains(userId.toLowerCase(Locale.ROOT));
    }

    /** A configuration the application refuses to start with; the message says why and what to do. */
    public static class UnsafeConfiguration extends IllegalStateException {

        UnsafeConfiguration(String message) {
            super(message);
        }
    }
}
