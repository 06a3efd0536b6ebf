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
        assertThat(rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/submit-form", RestClient.variables(PASS)).status())
                .isEqualTo(204);
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login(OTHER, password(OTHER))).isTrue();
        RestClient.Response again = tasklist.send("POST", "/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                "{\"variables\":{\"prelimDecision\":{\"value\":\"PASS\"},\"prelimComment\":{\"value\":\"好\"}}}");
        assertThat(again.status()).as(again.raw()).isEqualTo(409);
        assertThat(again.body().get("message").asText()).isEqualTo("该任务已由他人办理完毕，请刷新待办列表");
        assertOnce(instance, task);
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
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<RestClient.Response>> pending = new ArrayList<>();
        for (String user : List.of("prelim1", OTHER)) {
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
        return "prelim1".equals(user) ? "demo" : "secret-" + user;
    }
}
