package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Preliminary review (属地初审) below the banner, on banner 156101 of its own: a township with a group of
 * preliminary reviewers gets its units' reviews (its villages' too), a township without one leaves
 * them to the banner's group, and another township's reviewer neither sees nor completes them.
 * Township 156101100 ends in "00" on purpose: it is not its banner.
 */
class TownshipPreliminaryReviewTest extends IntegrationTest {

    private static final String BANNER = "156101";
    private static final String TOWNSHIP = "156101100";
    private static final String OTHER_TOWNSHIP = "156101102";
    private static final String TOWNSHIP_WITHOUT_GROUP = "156101101";

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    NominationFixture fixture;
    RestClient rest;
    Campaign campaign;
    String townshipReviewer;
    String otherTownshipReviewer;
    String bannerReviewer;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        rest = new RestClient(port);
        townshipReviewer = member("twp100", "prelim-" + TOWNSHIP);
        otherTownshipReviewer = member("twp102", "prelim-" + OTHER_TOWNSHIP);
        bannerReviewer = member("twpbanner", "prelim-" + BANNER);
        campaign = fixture.newCampaign(Level.BANNER, BANNER, 30, TestClock.today().minusDays(30), TestClock.today().plusDays(30));
    }

    @Test
    void aTownshipUnitsReviewGoesToTheTownshipsGroup() {
        ProcessInstance instance = fixture.apply(fixture.newUnit(TOWNSHIP), campaign);
        assertThat(candidateGroups(instance)).containsExactly("prelim-" + TOWNSHIP);
        assertThat(visibleTasks(bannerReviewer, instance)).as("the banner's reviewers leave it to the township").isEmpty();

        fixture.review(instance, "PreliminaryReview", townshipReviewer, "prelimDecision", "PASS", "prelimComment", "材料齐全");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult()
                .getTaskDefinitionKey()).isEqualTo("CommissionReview");
    }

    @Test
    void aVillageUnitGoesToItsTownshipsGroupAndAVillageCodeEnding000IsTheTownship() {
        Unit village = fixture.newUnit(TOWNSHIP + "007");
        Unit township = fixture.newUnit(TOWNSHIP + "000");
        assertThat(township.regionCode()).isEqualTo(TOWNSHIP);
        assertThat(candidateGroups(fixture.apply(village, campaign))).containsExactly("prelim-" + TOWNSHIP);
        assertThat(candidateGroups(fixture.apply(township, campaign))).containsExactly("prelim-" + TOWNSHIP);
    }

    @Test
    void aUnitOfATownshipWithoutAGroupGoesToTheBannersGroup() {
        ProcessInstance township = fixture.apply(fixture.newUnit(TOWNSHIP_WITHOUT_GROUP), campaign);
        ProcessInstance village = fixture.apply(fixture.newUnit(TOWNSHIP_WITHOUT_GROUP + "001"), campaign);
        ProcessInstance banner = fixture.apply(fixture.newUnit(BANNER), campaign);
        for (ProcessInstance instance : List.of(township, village, banner)) {
            assertThat(candidateGroups(instance)).containsExactly("prelim-" + BANNER);
        }
        assertThat(visibleTasks(townshipReviewer, township)).isEmpty();
        fixture.review(township, "PreliminaryReview", bannerReviewer, "prelimDecision", "PASS", "prelimComment", "");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(township.getId())
                .taskDefinitionKey("CommissionReview").count()).isEqualTo(1);
    }

    @Test
    void anotherTownshipsReviewerNeitherSeesNorCompletesItOverRest() {
        Unit unit = fixture.newUnit(TOWNSHIP);
        Map<String, Object> application = new HashMap<>(NominationFixture.GOOD_SCORES);
        application.put("campaignCode", campaign.code());
        application.put("creationSummary", "开展民族团结进步宣传月活动");
        RestClient.Response started = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form", RestClient.variables(application));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String instance = started.body().get("id").asText();

        var seen = rest.get(townshipReviewer, "secret-" + townshipReviewer, "/engine-rest/task?processInstanceId=" + instance).body();
        assertThat(seen).hasSize(1);
        String task = seen.get(0).get("id").asText();
        String otherPassword = "secret-" + otherTownshipReviewer;
        assertThat(rest.get(otherTownshipReviewer, otherPassword, "/engine-rest/task?processInstanceId=" + instance).body()).isEmpty();
        assertThat(rest.get(otherTownshipReviewer, otherPassword, "/engine-rest/task/" + task).status()).isIn(403, 404);
        assertThat(rest.post(otherTownshipReviewer, otherPassword, "/engine-rest/task/" + task + "/claim",
                Map.of("userId", otherTownshipReviewer)).status()).isEqualTo(403);
        RestClient.Response foreign = rest.post(otherTownshipReviewer, otherPassword, "/engine-rest/task/" + task + "/submit-form",
                RestClient.variables(Map.of("prelimDecision", "PASS", "prelimComment", "")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariables(instance)).doesNotContainKey("prelimDecision");

        String password = "secret-" + townshipReviewer;
        assertThat(rest.post(townshipReviewer, password, "/engine-rest/task/" + task + "/claim",
                Map.of("userId", townshipReviewer)).status()).isEqualTo(204);
        RestClient.Response done = rest.post(townshipReviewer, password, "/engine-rest/task/" + task + "/submit-form",
                RestClient.variables(Map.of("prelimDecision", "PASS", "prelimComment", "同意上报")));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
        assertThat(engine.getRuntimeService().getVariables(instance)).containsEntry("prelimDecision", "PASS");
    }

    @Test
    void theDemoTownshipsReviewerGetsTheDemoTownshipUnitsApplication() {
        Unit demoUnit = units.findByContact("unit4").get(0);
        assertThat(demoUnit.regionCode()).isEqualTo("150525200");
        ProcessInstance instance = fixture.apply(demoUnit, fixture.openBannerCampaign(30));
        assertThat(candidateGroups(instance)).containsExactly("prelim-150525200");
        String query = "/engine-rest/task?processInstanceId=" + instance.getId();
        assertThat(rest.get("prelim3", "demo", query).body()).hasSize(1);
        assertThat(rest.get("prelim1", "demo", query).body()).as("the banner's reviewer").isEmpty();
    }

    private List<String> candidateGroups(ProcessInstance instance) {
        String task = fixture.openTask(instance, "PreliminaryReview", null).getId();
        return engine.getTaskService().getIdentityLinksForTask(task).stream().map(IdentityLink::getGroupId)
                .filter(java.util.Objects::nonNull).toList();
    }

    private List<?> visibleTasks(String user, ProcessInstance instance) {
        return fixture.as(user, () -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list());
    }
}
