package org.ethnicunity.platform.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The launch's selection ({@link AnnualReviewLaunch#memberSql}) with every parameter bound as the
 * launcher binds them, on titles of a league of their own (阿拉善盟 1529xx, used by no other test):
 * the status, level, unit-type and region filters, titles already reviewed that year, and the payload.
 */
class AnnualReviewSelectionTest extends IntegrationTest {

    private static final int YEAR = TestClock.today().getYear();

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired JdbcClient jdbc;
    @Autowired AnnualReviewLaunch launch;
    @Autowired PlatformTransactionManager transactions;

    AnnualReviewFixture fixture;
    Unit school;
    Unit community;
    long imported;
    long cityTitle;
    long revoked;
    long rectifying;
    long reviewed;
    Campaign cityCampaign;

    @BeforeEach
    void setUp() {
        fixture = new AnnualReviewFixture(engine, null, designations, jdbc, launch);
        jdbc.sql("DELETE FROM registry.annual_review WHERE designation_id IN (SELECT d.id FROM registry.designation d"
                + " JOIN registry.unit u ON u.id = d.unit_id WHERE u.region_code LIKE '1529%')").update();
        jdbc.sql("DELETE FROM registry.designation WHERE unit_id IN (SELECT id FROM registry.unit WHERE region_code LIKE '1529%')").update();
        school = unit("学校", UnitType.SCHOOL, "152921");
        community = unit("社区", UnitType.COMMUNITY, "152922");
        Unit other = unit("机关", UnitType.AGENCY, "152921");
        Unit fourth = unit("企业", UnitType.ENTERPRISE, "152921");
        Unit fifth = unit("嘎查", UnitType.COMMUNITY, "152921");
        // The city's campaign used the banner sample set: the payload must carry the campaign's set, not the newest.
        long bannerSet = indicatorSets.latestFor("BANNER", "SCHOOL").orElseThrow();
        cityCampaign = campaigns.insert(new Campaign(null, "ALX-" + System.nanoTime() % 1000000, "阿拉善盟批次", Level.CITY,
                YEAR - 2, "152900", TestClock.today().minusYears(2), TestClock.today().minusYears(2).plusDays(30), null, bannerSet));

        imported = named(school, Level.BANNER, null, DesignationStatus.NAMED);
        cityTitle = named(community, Level.CITY, cityCampaign.id(), DesignationStatus.NAMED);
        revoked = named(other, Level.BANNER, null, DesignationStatus.REVOKED);
        rectifying = named(fourth, Level.BANNER, null, DesignationStatus.RECTIFYING);
        reviewed = named(fifth, Level.BANNER, null, DesignationStatus.NAMED);
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at)
                VALUES (?, ?, 'reviewed-before', 'GRADED', now())""").params(reviewed, YEAR).update();
    }

    @Test
    void theLeagueSelectsItsNamedTitlesNotYetReviewedThisYear() {
        assertThat(keys("152900", null, null, null, YEAR)).containsExactlyInAnyOrder(key(imported), key(cityTitle));
        assertThat(keys("152900", null, null, null, YEAR - 1)).containsExactlyInAnyOrder(key(imported), key(cityTitle), key(reviewed));
    }

    @Test
    void aBannerSelectsOnlyItsOwnUnits() {
        assertThat(keys("152921", null, null, null, YEAR)).containsExactly(key(imported));
        assertThat(keys("152922", null, null, null, YEAR)).containsExactly(key(cityTitle));
        assertThat(keys("152300", null, null, null, YEAR)).doesNotContain(key(imported), key(cityTitle));
    }

    @Test
    void levelUnitTypeAndStatusNarrowTheSelection() {
        assertThat(keys("152900", "CITY", null, null, YEAR)).containsExactly(key(cityTitle));
        assertThat(keys("152900", null, "SCHOOL", null, YEAR)).containsExactly(key(imported));
        assertThat(keys("152900", "BANNER", "COMMUNITY", null, YEAR)).isEmpty();
        assertThat(keys("152900", null, null, "RECTIFYING", YEAR)).containsExactly(key(rectifying));
        assertThat(keys("152900", null, null, "REVOKED", YEAR)).containsExactly(key(revoked));
    }

    @Test
    void thePayloadCarriesWhatTheInstanceNeeds() {
        Map<String, Object> importedPayload = payload(imported);
        assertThat(importedPayload).containsEntry("designationId", imported).containsEntry("unitId", school.id())
                .containsEntry("unitName", school.name()).containsEntry("unitContact", school.contactUser())
                .containsEntry("unitContactName", school.contactName()).containsEntry("unitContactEmail", school.contactEmail())
                .containsEntry("regionCode", "152921").containsEntry("grantingRegionCode", "152921")
                .containsEntry("level", "BANNER").containsEntry("levelLabel", "旗县级")
                .containsEntry("documentNumber", "阿盟民创发〔2024〕" + imported + "号")
                .containsEntry("indicatorSetId", indicatorSets.latestFor("BANNER", "SCHOOL").orElseThrow());
        Map<String, Object> cityPayload = payload(cityTitle);
        assertThat(cityPayload).containsEntry("grantingRegionCode", "152900").containsEntry("levelLabel", "盟市级")
                .containsEntry("indicatorSetId", cityCampaign.indicatorSetId());
        assertThat(cityCampaign.indicatorSetId()).isNotEqualTo(indicatorSets.latestFor("CITY", "COMMUNITY").orElseThrow());
    }

    /** An imported title takes the newest set of its level for its unit type, else the level's general one. */
    @Test
    void anImportedTitleTakesTheSetOfItsUnitTypeWhenThereIsOne() {
        long general = indicatorSets.latestFor("BANNER", "AGENCY").orElseThrow();
        new TransactionTemplate(transactions).executeWithoutResult(tx -> {
            long schools = jdbc.sql("""
                    INSERT INTO registry.indicator_set (code, version, name, level, unit_type, total_max, pass_line)
                    VALUES ('ALX-SCHOOL', 1, '学校专用（测试）', 'BANNER', 'SCHOOL', 100, 90) RETURNING id""")
                    .query(Long.class).single();
            long reviewedCommunity = named(unit("嘎查二", UnitType.COMMUNITY, "152921"), Level.BANNER, null, DesignationStatus.NAMED);
            assertThat(payload(imported)).containsEntry("indicatorSetId", schools);
            assertThat(payload(reviewedCommunity)).containsEntry("indicatorSetId", general);
            tx.setRollbackOnly(); // the set would change every other test's imported school titles
        });
        assertThat(indicatorSets.latestFor("BANNER", "SCHOOL")).contains(general);
    }

    private Map<String, Object> payload(long designation) {
        return fixture.select(AnnualReviewFixture.params("152900", null, null, null, YEAR)).stream()
                .filter(r -> key(designation).equals(r.get("member_key"))).findFirst()
                .map(r -> AnnualReviewFixture.variables(String.valueOf(r.get("payload")))).orElseThrow();
    }

    private List<Object> keys(String region, String level, String unitType, String status, int year) {
        return fixture.select(AnnualReviewFixture.params(region, level, unitType, status, year)).stream()
                .map(r -> r.get("member_key")).toList();
    }

    private static String key(long designation) {
        return "designation:" + designation;
    }

    private Unit unit(String kind, UnitType type, String region) {
        String user = "alx" + System.nanoTime() % 10000000;
        return units.insert(new Unit(null, "阿拉善" + kind + user, type, region, user, "联系人" + kind, user + "@test.example"));
    }

    private long named(Unit unit, Level level, Long campaign, DesignationStatus status) {
        long id = designations.insert(unit.id(), level, campaign, status, null, "历史命名");
        designations.recordNaming(id, TestClock.today().minusYears(2), "阿盟民创发〔2024〕" + id + "号",
                TestClock.today().plusYears(3), false); // NAMED
        jdbc.sql("UPDATE registry.designation SET status = ? WHERE id = ?").params(status.name(), id).update();
        return id;
    }
}
