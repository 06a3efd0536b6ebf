package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ethnicunity.platform.DemonstrationUnitsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/**
 * Real start attempts of the application: each unsafe one is refused while the environment is
 * prepared, before a database connection, an engine or a demo user exists.
 */
class SafeDefaultsTest {

    private static final String EXTERNAL = "jdbc:postgresql://127.0.0.1:1/mzw";

    @Test
    void theDemoProfileRefusesAnExternalDatabase() {
        assertThatThrownBy(() -> start("dev", "--spring.datasource.url=" + EXTERNAL))
                .isInstanceOf(SafeDefaults.UnsafeConfiguration.class)
                .hasMessageContaining("演示配置（dev，含演示用户和密码 demo）不能用于外部数据库 " + EXTERNAL)
                .hasMessageContaining("APP_DEMO_EXTERNAL_DATABASE_ALLOWED=true");
    }

    @Test
    void noProfileMeansTheDemoProfileAndIsRefusedToo() {
        // DB_URL set, SPRING_PROFILES_ACTIVE forgotten: the default profile is dev.
        assertThatThrownBy(() -> start(null, "--DB_URL=" + EXTERNAL))
                .isInstanceOf(SafeDefaults.UnsafeConfiguration.class).hasMessageContaining(EXTERNAL);
    }

    @Test
    void productionRefusesAWeakFirstAdministratorPassword() {
        for (String weak : new String[] {"demo", "short-Pw1!", "MyDemoPassword2026", "admin-admin-admin", "x1234567890123"}) {
            assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.id=admin",
                    "--camunda.bpm.admin-user.password=" + weak)).as(weak)
                    .isInstanceOf(SafeDefaults.UnsafeConfiguration.class).hasMessageContaining("拒绝弱管理员密码");
        }
    }

    @Test
    void anAdministratorWithoutAPasswordIsRefusedOutsideTheDemoProfile() {
        // Camunda's starter would create admin/admin, answering HTTP Basic.
        assertThatThrownBy(() -> start("prod", "--camunda.bpm.admin-user.id=admin"))
                .isInstanceOf(SafeDefaults.UnsafeConfiguration.class)
                .hasMessageContaining("已配置管理员 admin（CAMUNDA_BPM_ADMINUSER_ID）但没有密码")
                .hasMessageContaining("is configured without a password");
        MockEnvironment blank = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "admin")
                .withProperty("camunda.bpm.admin-user.password", " ");
        blank.setActiveProfiles("stock");
        assertThatThrownBy(() -> new SafeDefaults().postProcessEnvironment(blank, null))
                .isInstanceOf(SafeDefaults.UnsafeConfiguration.class).hasMessageContaining("没有密码");
        MockEnvironment noAdministrator = new MockEnvironment();
        noAdministrator.setActiveProfiles("prod");
        assertThatCode(() -> new SafeDefaults().postProcessEnvironment(noAdministrator, null)).doesNotThrowAnyException();
    }

    @Test
    void aPasswordEqualToTheIdShortOrCommonIsRefusedInAnyProfileButDemo() {
        for (String weak : new String[] {"zhangwei", "Zhangwei2026!x", "Tg7#kq2!Lm9", "letmein-letmein", "Welcome-2026-x"}) {
            MockEnvironment environment = new MockEnvironment().withProperty("camunda.bpm.admin-user.id", "zhangwei")
                    .withProperty("camunda.bpm.admin-user.password", weak);
            environment.setActiveProfiles("stock");
            assertThatThrownBy(() -> new SafeDefaults().postProcessEnvironment(environment, null)).as(weak)
                    .isInstanceOf(SafeDefaults.UnsafeConfiguration.class).hasMessageContaining("拒绝弱管理员密码");
        }
    }

    @Test
    void strongPasswordsAndTheExplicitDemoOptInPass() {
        assertThat(SafeDefaults.weak("Tg7#kq2!Lm9@zR", "admin")).isFalse();
        assertThat(SafeDefaults.weak("zhangwei-Tg7#kq2!Lm9", "zhangwei")).isTrue();
        MockEnvironment optedIn = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty(SafeDefaults.EXTERNAL_DEMO_SWITCH, "true");
        optedIn.setActiveProfiles("dev");
        assertThatCode(() -> new SafeDefaults().postProcessEnvironment(optedIn, null)).doesNotThrowAnyException();
        MockEnvironment production = new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL)
                .withProperty("camunda.bpm.admin-user.id", "admin").withProperty("camunda.bpm.admin-user.password", "Tg7#kq2!Lm9@zR");
        production.setActiveProfiles("prod");
        assertThatCode(() -> new SafeDefaults().postProcessEnvironment(production, null)).doesNotThrowAnyException();
    }

    private static void start(String profile, String... args) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(DemonstrationUnitsApplication.class)
                .properties("server.port=0", "spring.main.banner-mode=off");
        if (profile != null) {
            builder.profiles(profile);
        }
        builder.run(args).close();
    }
}
