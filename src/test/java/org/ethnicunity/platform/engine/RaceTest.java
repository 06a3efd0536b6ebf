package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Two members of the same preliminary-review group work the same task at the same moment over REST:
 * for a claim, a form submission and a completion exactly one wins (2xx) and the other is told in
 * Chinese with 409 (docs/api.md, "Races"); nothing is done twice, never a 500. Both requests are
 * released together by a barrier and each race is run several times so that it really happens.
 */
class RaceTest extends IntegrationTest {

    private static final int ROUNDS = 4;
    private static final String OTHER = "prelimRacer";
    private static final Map<String, Object> PASS = Map.of("prelimDecision", "PASS", "prelimComment", "材料齐全");

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;

    RestClient rest;
    NominationFixture fixture;
    Campaign campaign;
    ExecutorService threads;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        campaign = fixture.openBannerCampaign(null);
        member(OTHER, "prelim-150525");
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
    }

    @Test
    void twoClaimsAtOnceOneGetsTheTaskTheOtherIsToldWith409() {
        for (int round = 0; round < ROUNDS; round++) {
            String task = preliminaryReview(fixture.apply(fixture.newUnit("150525"), campaign));
            List<RestClient.Response> answers = race(
                    user -> rest.post(user, password(user), "/engine-rest/task/" + task + "/claim", Map.of("userId", user)));
            RestClient.Response lost = oneWinnerOneLoser(answers, "该任务已由他人签收");
            String winner = answers.get(0) == lost ? OTHER : "prelim1";
            assertThat(engine.getTaskService().createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo(winner);
        }
        // Claimed already and then claimed by the other: the same answer, not the engine's "already claimed".
        String task = preliminaryReview(fixture.apply(fixture.newUnit("150525"), campaign));
        assertThat(rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "prelim1")).status())
                .isEqualTo(204);
        RestClient.Response late = rest.post(OTHER, password(OTHER), "/engine-rest/task/" + task + "/claim", Map.of("userId", OTHER));
        assertThat(late.status()).as(late.raw()).isEqualTo(409);
        assertThat(late.body().get("message").asText()).contains("该任务已由他人签收");
    }

    @Test
    void twoSubmissionsAtOnceCompleteTheTaskOnce() {
        raceToFinish("submit-form");
    }

    @Test
    void twoCompletionsAtOnceCompleteTheTaskOnce() {
        raceToFinish("complete");
    }

    @Test
    void aSubmissionAfterTheTaskWasDoneIs409AndAnUnknownTaskStays404() {
        ProcessInstance instance = fixture.apply(fixture.newUnit("150525"), campaign);
        String task = preliminaryReview(instance);
        assertThat(rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/submit-form", RestClient.variables(PASS)).status())
                .isEqualTo(204);
        for (String action : List.of("submit-form", "complete")) {
            RestClient.Response again = rest.post(OTHER, password(OTHER), "/engine-rest/task/" + task + "/" + action,
                    RestClient.variables(PASS));
            assertThat(again.status()).as(again.raw()).isEqualTo(409);
            assertThat(again.body().get("message").asText()).isEqualTo("该任务已由他人办理完毕，请刷新待办列表");
        }
        RestClient.Response claim = rest.post(OTHER, password(OTHER), "/engine-rest/task/" + task + "/claim", Map.of("userId", OTHER));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(409);
        assertThat(claim.body().get("message").asText()).isEqualTo("该任务已由他人办理完毕，请刷新待办列表");
        assertOnce(instance, task);

        RestClient.Response unknown = rest.post("prelim1", "demo", "/engine-rest/task/no-such-task/submit-form",
                RestClient.variables(PASS));
        assertThat(unknown.status()).as(unknown.raw()).isIn(404);
    }

    @Test
    void tasklistShowsTheLoserTheSameMessage() {
        ProcessInstance instance = fixture.apply(fixture.newUnit("150525"), campaign);
        String task = preliminaryReview(instance);
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login(OTHER, password(OTHER))).isTrue();
        assertThat(rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "prelim1")).status())
                .isEqualTo(204);
        RestClient.Response claim = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/claim",
                "{\"userId\":\"" + OTHER + "\"}");
        assertThat(claim.status()).as(claim.raw()).isEqualTo(409);
        assertThat(claim.body().get("message").asText()).isEqualTo("该任务已由他人签收，请刷新待办列表");

        assertThat(rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/submit-form", RestClient.variables(PASS)).status())
                .isEqualTo(204);
        RestClient.Response again = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                "{\"variables\":{\"prelimDecision\":{\"value\":\"PASS\"},\"prelimComment\":{\"value\":\"好\"}}}");
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).isEqualTo("该任务已由他人办理完毕，请刷新待办列表");
        assertOnce(instance, task);
    }

    @Test
    void twoNamingDecisionsAtOnceStartOneAndNameTheBatchOnce() {
        String racer = member("commissionRacer", "commission-150525");
        List<String> commission = List.of("commission1", racer);
        for (int round = 0; round < 2; round++) {
            Campaign naming = fixture.openBannerCampaign(null);
            ProcessInstance application = approvedAfterNotice(naming);

            List<RestClient.Response> starts = race(commission, user -> rest.post(user, password(user),
                    "/engine-rest/process-definition/key/naming/submit-form", RestClient.variables(Map.of("campaignCode", naming.code()))));
            assertThat(starts).extracting(RestClient.Response::status).as(starts.toString()).containsExactlyInAnyOrder(200, 400);
            assertThat(starts).filteredOn(a -> a.status() == 400).first()
                    .satisfies(a -> assertThat(a.body().get("message").asText()).contains("已有一个正在办理的命名发文"));
            ProcessInstance decision = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("naming")
                    .processInstanceBusinessKey("naming/" + naming.code()).singleResult();

            String task = fixture.namingTask(decision).getId();
            Map<String, Object> name = Map.of("namingDecision", "NAME", "documentNumber", "奈民创办发〔2026〕" + (40 + round) + "号",
                    "namingDate", NominationFixture.today().toString());
            oneWinnerOneLoser(race(commission, user -> rest.post(user, password(user), "/engine-rest/task/" + task + "/submit-form",
                    RestClient.variables(name))), "已由他人办理");
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(decision.getId())
                    .activityId("NameBatch").count()).isEqualTo(1);
            assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(application.getId())
                    .activityId("NameUnit").count()).isEqualTo(1);
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(application.getId()).count()).isZero();
        }
    }

    private ProcessInstance approvedAfterNotice(Campaign campaign) {
        ProcessInstance instance = fixture.apply(fixture.newUnit("150525"), campaign);
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("NoticePeriodOver").singleResult();
        engine.getManagementService().executeJob(timer.getId());
        return instance;
    }

    private void raceToFinish(String action) {
        for (int round = 0; round < ROUNDS; round++) {
            ProcessInstance instance = fixture.apply(fixture.newUnit("150525"), campaign);
            String task = preliminaryReview(instance);
            List<RestClient.Response> answers = race(user -> rest.post(user, password(user),
                    "/engine-rest/task/" + task + "/" + action, RestClient.variables(PASS)));
            oneWinnerOneLoser(answers, "已由他人办理");
            assertOnce(instance, task);
        }
    }

    /** One completion in history, one commission review: the process moved once. */
    private void assertOnce(ProcessInstance instance, String task) {
        assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("PreliminaryReview").finished().count()).isEqualTo(1);
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isZero();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("CommissionReview").count()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId("CommissionReview").count()).isEqualTo(1);
    }

    private static RestClient.Response oneWinnerOneLoser(List<RestClient.Response> answers, String loserIsTold) {
        assertThat(answers).extracting(RestClient.Response::status).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        RestClient.Response lost = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(lost.body().get("message").asText()).contains(loserIsTold).doesNotContain("ENGINE", "Exception", "Cannot");
        return lost;
    }

    /** prelim1 and the other member send their request at the same moment; the answers in that order. */
    private List<RestClient.Response> race(Function<String, RestClient.Response> request) {
        return race(List.of("prelim1", OTHER), request);
    }

    private List<RestClient.Response> race(List<String> users, Function<String, RestClient.Response> request) {
        CyclicBarrier start = new CyclicBarrier(users.size());
        List<Future<RestClient.Response>> pending = new ArrayList<>();
        for (String user : users) {
            pending.add(threads.submit(() -> {
                start.await();
                return request.apply(user);
            }));
        }
        List<RestClient.Response> answers = new ArrayList<>();
        for (Future<RestClient.Response> answer : pending) {
            try {
                answers.add(answer.get());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return answers;
    }

    private String preliminaryReview(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("PreliminaryReview").singleResult().getId();
    }

    private static String password(String user) {
        return user.endsWith("1") ? "demo" : "secret-" + user;
    }
}
