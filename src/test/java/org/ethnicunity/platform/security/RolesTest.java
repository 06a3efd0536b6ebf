package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void regionalGroupsOfEveryTierArePreliminaryOnlyBelowTheBanner() {
        assertThat(Roles.regional("commission-150500")).contains(new Roles.RegionalGroup("commission", "150500"));
        assertThat(Roles.regional("prelim-150525200")).contains(new Roles.RegionalGroup("prelim", "150525200"));
        assertThat(Roles.regional("prelim-150525200000")).as("normal form").contains(new Roles.RegionalGroup("prelim", "150525200"));
        assertThat(Roles.regional("commission-150525200")).as("a township has no commission").isEmpty();
        assertThat(Roles.regional("supervision-150525200001")).isEmpty();
        assertThat(Roles.regional("prelim-1505")).isEmpty();
        assertThat(Roles.regional("camunda-admin")).isEmpty();
        assertThat(Roles.regional("unit-contacts")).isEmpty();
        assertThat(Roles.regional(null)).isEmpty();
    }
}
