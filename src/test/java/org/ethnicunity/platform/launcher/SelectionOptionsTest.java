package org.ethnicunity.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.ethnicunity.platform.launcher.SelectionOptions.LevelOption;
import org.ethnicunity.platform.launcher.SelectionOptions.StatusOption;
import org.ethnicunity.platform.launcher.SelectionOptions.UnitTypeOption;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.Test;

/** The launch form's selection options mirror the registry's enums one to one, so a new level or state is not missed. */
class SelectionOptionsTest {

    @Test
    void everyRegistryValueIsAnOptionUnderItsOwnCodeAndLabel() {
        assertThat(Arrays.stream(LevelOption.values()).map(LevelOption::level)).containsExactly(Level.values());
        assertThat(Arrays.stream(UnitTypeOption.values()).map(UnitTypeOption::unitType)).containsExactly(UnitType.values());
        assertThat(Arrays.stream(StatusOption.values()).map(StatusOption::status)).containsExactly(DesignationStatus.values());
        for (LevelOption option : LevelOption.values()) {
            assertThat(option.code()).isEqualTo(option.level().name());
        }
        for (UnitTypeOption option : UnitTypeOption.values()) {
            assertThat(option.code()).isEqualTo(option.unitType().name());
        }
        for (StatusOption option : StatusOption.values()) {
            assertThat(option.code()).isEqualTo(option.status().name());
        }
    }
}
