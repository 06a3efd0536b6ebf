package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Settings that would break every sweep, or send escalations nowhere, are refused when read at start. */
class ReminderSettingsTest {

    @Test
    void aDigestWithoutLinesIsRefused() {
        assertThatThrownBy(() -> settings(2, 5, 0, null)).hasMessageContaining("app.reminders.digest-max-items");
    }

    @Test
    void noDigestThreadIsRefused() {
        assertThatThrownBy(() -> new ReminderSettings("R/PT1H", 2, 5, LocalTime.of(20, 0), LocalTime.of(8, 0), false, 50, 200, 0, null))
                .hasMessageContaining("app.reminders.digest-threads");
    }

    @Test
    void negativeDaysAreRefused() {
        assertThatThrownBy(() -> settings(-1, 5, 50, null)).hasMessageContaining("lead-working-days");
        assertThatThrownBy(() -> settings(2, -1, 50, null)).hasMessageContaining("escalation-working-days");
    }

    @Test
    void aSupervisingRoleThatNoGroupNameCanHaveIsRefused() {
        assertThatThrownBy(() -> settings(2, 5, 50, Map.of("prelim", "city-supervision")))
                .hasMessageContaining("app.reminders.supervising-roles.prelim=city-supervision");
        assertThatThrownBy(() -> settings(2, 5, 50, Map.of("Prelim", "commission")))
                .hasMessageContaining("supervising-roles.Prelim");
    }

    @Test
    void unlistedRolesAndTasksWithoutARoleGoToSupervision() {
        ReminderSettings byRole = settings(2, 5, 50, Map.of("prelim", "commission"));
        assertThat(byRole.supervisingRole("prelim")).isEqualTo("commission");
        assertThat(byRole.supervisingRole("assessor")).isEqualTo("supervision");
        assertThat(byRole.supervisingRole(null)).isEqualTo("supervision");
        assertThat(settings(2, 5, 50, null).supervisingRole("prelim")).isEqualTo("supervision");
    }

    private static ReminderSettings settings(int lead, int escalation, int maxItems, Map<String, String> roles) {
        return new ReminderSettings("R/PT1H", lead, escalation, LocalTime.of(20, 0), LocalTime.of(8, 0), false, maxItems, 200, 2, roles);
    }
}
