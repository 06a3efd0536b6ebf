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
 * ({@value #EXTERNAL_DEMO_SWITCH}, as docker-compose.yml does); and, outside the demo profile,
 * a first administrator without a password or with a weak one.
 */
public class SafeDefaults implements EnvironmentPostProcessor {

    static final String EXTERNAL_DEMO_SWITCH = "app.demo.external-database-allowed";
    static final int MIN_ADMIN_PASSWORD_LENGTH = 12;
    /** Words that make a password guessable whatever surrounds them. */
    private static final Set<String> WEAK = Set.of("demo", "admin", "password", "passw0rd", "camunda", "changeme",
            "change-me", "123456", "qwerty", "secret", "letmein", "welcome", "iloveyou", "111111", "abc123", "root");

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
        refuseAnAdministratorWithoutAStrongPassword(environment);
    }

    /**
     * Camunda's starter creates the configured administrator with the password equal to the id when
     * none is given (admin/admin, answering HTTP Basic): outside the demo profile no password is built
     * in, so an administrator needs a strong one of its own.
     */
    private static void refuseAnAdministratorWithoutAStrongPassword(ConfigurableEnvironment environment) {
        String adminId = environment.getProperty("camunda.bpm.admin-user.id", "");
        String adminPassword = environment.getProperty("camunda.bpm.admin-user.password");
        if (environment.acceptsProfiles(Profiles.of("dev")) || adminId.isBlank() && adminPassword == null) {
            return;
        }
        if (adminPassword == null || adminPassword.isBlank()) {
            throw new UnsafeConfiguration("已配置管理员 " + adminId + "（CAMUNDA_BPM_ADMINUSER_ID）但没有密码：Camunda 会以用户名作密码创建它。"
                    + "请设置 CAMUNDA_BPM_ADMINUSER_PASSWORD（至少 " + MIN_ADMIN_PASSWORD_LENGTH + " 个字符，见 docs/operations.md）。"
                    + " / An administrator '" + adminId + "' is configured without a password (Camunda would use the id): "
                    + "set CAMUNDA_BPM_ADMINUSER_PASSWORD (at least " + MIN_ADMIN_PASSWORD_LENGTH + " characters).");
        }
        if (weak(adminPassword, adminId)) {
            throw new UnsafeConfiguration("生产配置拒绝弱管理员密码：CAMUNDA_BPM_ADMINUSER_PASSWORD 至少 "
                    + MIN_ADMIN_PASSWORD_LENGTH + " 个字符，不能含常见密码（demo、admin、password、123456 等）或用户名。"
                    + " / A weak first-administrator password is refused outside the demo profile (at least "
                    + MIN_ADMIN_PASSWORD_LENGTH + " characters, no common password nor the user id in it).");
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
