package org.ethnicunity.platform;

import org.ethnicunity.platform.engine.RuleViolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.ethnicunity.platform.RegionCodes.Tier;
import org.junit.jupiter.api.Test;

class RegionCodesTest {

    @Test
    void codesOfFiveTiersAreValidAndOthersAreNot() {
        assertThat(RegionCodes.tier("150000")).isEqualTo(Tier.REGION);
        assertThat(RegionCodes.tier("150500")).isEqualTo(Tier.CITY);
        assertThat(RegionCodes.tier("150525")).isEqualTo(Tier.BANNER);
        assertThat(RegionCodes.tier("150525101")).isEqualTo(Tier.TOWNSHIP);
        assertThat(RegionCodes.tier("150525100")).as("a township whose own digits end in 00").isEqualTo(Tier.TOWNSHIP);
        assertThat(RegionCodes.tier("150525101001")).isEqualTo(Tier.VILLAGE);
        for (String bad : new String[] {null, "", "1505", "1505251", "15052510", "1505251010", "15052510100",
                "1505251010011", "15052a", "150525-101"}) {
            assertThat(RegionCodes.isValid(bad)).as(bad).isFalse();
        }
        assertThat(RegionCodes.isCommissionLevel("150525")).isTrue();
        assertThat(RegionCodes.isCommissionLevel("150525101")).as("a township has no commission").isFalse();
    }

    @Test
    void aCodeEndingIn000IsTheLevelAbove() {
        assertThat(RegionCodes.normalise("150525101000")).contains("150525101");
        assertThat(RegionCodes.normalise(" 150525100000 ")).contains("150525100");
        assertThat(RegionCodes.normalise("150525000000")).contains("150525");
        assertThat(RegionCodes.normalise("150525100")).as("00 is no tail to drop at nine digits").contains("150525100");
        assertThat(RegionCodes.tier("150525101000")).isEqualTo(Tier.TOWNSHIP);
    }

    @Test
    void parentsGoUpOneTier() {
        assertThat(RegionCodes.parent("150525101001")).isEqualTo("150525101");
        assertThat(RegionCodes.parent("150525100")).isEqualTo("150525");
        assertThat(RegionCodes.parent("150525")).isEqualTo("150500");
        assertThat(RegionCodes.parent("150500")).isEqualTo("150000");
        assertThat(RegionCodes.parent("150000")).isNull();
        assertThat(RegionCodes.commissionRegion("150525100001")).isEqualTo("150525");
        assertThat(RegionCodes.commissionRegion("150500")).isEqualTo("150500");
        assertThat(RegionCodes.township("150525100001")).contains("150525100");
        assertThat(RegionCodes.township("150525")).isEmpty();
        assertThatThrownBy(() -> RegionCodes.parent("1505")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScopeCoversItselfAndEverythingBelowIt() {
        assertThat(RegionCodes.covers("150000", "150525101001")).isTrue();
        assertThat(RegionCodes.covers("150500", "150525100")).isTrue();
        assertThat(RegionCodes.covers("150525", "150525100")).isTrue();
        assertThat(RegionCodes.covers("150525", "150525101001")).isTrue();
        assertThat(RegionCodes.covers("150525100", "150525100")).isTrue();
        assertThat(RegionCodes.covers("150525100", "150525100003")).isTrue();
        assertThat(RegionCodes.covers("150525101", "150525101000")).as("the township's own 12-digit code").isTrue();

        assertThat(RegionCodes.covers("150525100", "150525")).as("a township does not cover its banner").isFalse();
        assertThat(RegionCodes.covers("150525100", "150525101")).as("nor its neighbour").isFalse();
        assertThat(RegionCodes.covers("150525100", "150525101001")).isFalse();
        assertThat(RegionCodes.covers("150525", "150522101")).isFalse();
        assertThat(RegionCodes.covers("150525101001", "150525101")).isFalse();
        assertThat(RegionCodes.covers("foo", "150525")).isFalse();
        assertThat(RegionCodes.covers("150525", null)).isFalse();
    }

    @Test
    void likePatternsReachTheTownshipsAndVillagesOfABanner() {
        assertThat(RegionCodes.likePattern("150000")).isEqualTo("15%");
        assertThat(RegionCodes.likePattern("150500")).isEqualTo("1505%");
        assertThat(RegionCodes.likePattern("150525")).isEqualTo("150525%");
        assertThat(RegionCodes.likePattern("150525100")).as("not '1505251%': that would take in 150525101").isEqualTo("150525100%");
        assertThat(RegionCodes.likePattern("150525101000")).isEqualTo("150525101%");
        assertThat(RegionCodes.likePattern("150525101001")).isEqualTo("150525101001");
    }

    @Test
    void refusalsSayWhatACodeMustLookLike() {
        assertThat(RegionCodes.requireUnitCode("regionCode", "150525101000")).isEqualTo("150525101");
        assertThatThrownBy(() -> RegionCodes.requireUnitCode("regionCode", "1505251"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("9 位（苏木乡镇/街道）").hasMessageContaining("1505251");
        assertThatThrownBy(() -> RegionCodes.requireCommissionCode("regionCode", "150525101"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("苏木乡镇、嘎查村没有民委");
        assertThat(RegionCodes.requireCommissionCode("regionCode", " 150525 ")).isEqualTo("150525");
    }
}
