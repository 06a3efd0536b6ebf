package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application rules of DOMAIN.md: each refusal is clear and leaves no instance and no record. */
class ApplicationRulesTest extends IntegrationTest {

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;

    NominationFixture fixture;
    Unit unit;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        unit = fixture.newUnit("150525");
    }

    @Test
    void outsideTheApplicationWindow() {
        LocalDate today = clock.today();
        Campaign closed = fixture.newCampaign(Level.BANNER, "150525", 30, today.minusDays(60), today.minusDays(1));
        refused(closed, "不在申报期内");
        Campaign notYetOpen = fixture.newCampaign(Level.BANNER, "150525", 30, today.plusDays(1), today.plusDays(60));
        refused(notYetOpen, "不在申报期内");
    }

    @Test
    void aCityTitleNeedsTheBannerTitleFirst() {
        Campaign city = fixture.newCampaign(Level.CITY, "150500", 10, clock.today().minusDays(1), clock.today().plusDays(1));
        refused(city, "申报盟市级示范单位须已获得旗县级示范单位称号");

        long banner = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        assertThat(fixture.apply(unit, city)).isNotNull();
        assertThat(designations.findByUnitAndLevel(unit.id(), Level.CITY, DesignationStatus.ACTIVE)).hasSize(1);
        assertThat(banner).isPositive();
    }

    @Test
    void aUnitCannotApplyTwiceForTheSameLevel() {
        Campaign campaign = fixture.openBannerCampaign(30);
        fixture.apply(unit, campaign);
        refused(fixture.openBannerCampaign(30), "正在申报旗县级示范单位称号（状态：申报），不能重复申报", 1);
    }

    @Test
    void aUnitHoldingTheLevelCannotApplyForItAgain() {
        designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        refused(fixture.openBannerCampaign(30), "已持有旗县级示范单位称号", 1);
    }

    @Test
    void aRevokedUnitWaitsThreeYears() {
        long revoked = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.REVOKED, null, "历史命名");
        jdbc.sql("UPDATE registry.designation SET revoked_date = ? WHERE id = ?")
                .params(clock.today().minusYears(2), revoked).update();
        refused(fixture.openBannerCampaign(30), "3 年内（" + clock.today().plusYears(1) + " 前）不得再次申报", 1);

        jdbc.sql("UPDATE registry.designation SET revoked_date = ? WHERE id = ?")
                .params(clock.today().minusYears(3), revoked).update();
        assertThat(fixture.apply(unit, fixture.openBannerCampaign(30))).isNotNull();
    }

    @Test
    void aUnitOutsideTheCampaignsRegionCannotApply() {
        Unit elsewhere = fixture.newUnit("150522");
        unit = elsewhere;
        refused(fixture.openBannerCampaign(30), "不在评选批次「");
    }

    @Test
    void anUnknownCampaignCodeIsNamed() {
        Campaign ghost = new Campaign(null, "NO-SUCH-CAMPAIGN", "无", Level.BANNER, 2026, "150525",
                clock.today(), clock.today(), 1, 1);
        refused(ghost, "找不到评选批次「NO-SUCH-CAMPAIGN」");
    }

    private void refused(Campaign campaign, String message) {
        refused(campaign, message, 0);
    }

    private void refused(Campaign campaign, String message, int designationsBefore) {
        long instances = engine.getRuntimeService().createProcessInstanceQuery().count();
        long history = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
        int records = designations.findByUnit(unit.id()).size();
        assertThat(records).isEqualTo(designationsBefore);
        assertThatThrownBy(() -> fixture.apply(unit, campaign)).isInstanceOf(RuleViolation.class).hasMessageContaining(message);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instances);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(history);
        assertThat(designations.findByUnit(unit.id())).hasSize(records);
    }
}
