package org.ethnicunity.platform.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The launcher through its real kinds (here 计划复核, the one every build has): a launch over REST
 * and the Tasklist start form, its jobs run as the job executor would, and the ways a launch can be
 * interrupted, repeated or shared. Each test works in a region of its own (16xx00 and banners below),
 * so counts are exact.
 */
class LaunchTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("launch", 10);

    private static final AtomicInteger REGIONS = new AtomicInteger(10);

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired DesignationRepository designations;
    @Autowired LaunchRepository launches;
    @Autowired LaunchRunner runner;
    @Autowired JdbcClient jdbc;
    @Autowired org.ethnicunity.platform.mail.OutboxSender outbox;
    @Autowired ApplicationContext context;

    RestClient rest;
    String city;
    String staff;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
        city = "16" + REGIONS.incrementAndGet() + "00";
        staff = commissionOf(city);
    }

    @Test
    void aLaunchStartsOneInstancePerDueTitleAndReportsWhatItCouldNotStart() {
        List<Long> due = titles(city.substring(0, 4) + "01", 5, TestClock.today().minusYears(4));
        due.addAll(titles(city.substring(0, 4) + "02", 2, TestClock.today().minusYears(3)));
        titles(city.substring(0, 4) + "02", 2, TestClock.today().minusYears(2)); // not due yet
        titles("169999", 1, TestClock.today().minusYears(5)); // outside the region
        long busy = due.get(0);
        startReinspectionOf(busy); // already under re-inspection: its start is refused

        // Two of the seven are no longer NAMED when selected? No: the busy one is UNDER_REINSPECTION, so not selected.
        RestClient.Response created = rest.post(staff, "secret-" + staff, "/api/launches", body("REINSPECTION"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("total").asInt()).isEqualTo(6);
        assertThat(created.body().get("state").asText()).isEqualTo("RUNNING");
        assertThat(created.body().get("title").asText()).isEqualTo("计划复核（" + city + "）");
        assertThat(created.body().at("/progress/pending").asInt()).isEqualTo(6);

        runLaunch(id);

        Launch done = launches.find(id).orElseThrow();
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.progress()).isEqualTo(new Launch.Progress(0, 6, 0, 0));
        for (long designation : due.subList(1, due.size())) {
            assertThat(instancesFor(id, designation)).as("title " + designation).isEqualTo(1);
            assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        }
        var instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("designation/" + due.get(1)).singleResult();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "reinspectionTrigger")).isEqualTo("SCHEDULED");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "launchId")).isEqualTo(id);
        assertThat((String) engine.getHistoryService().createHistoricVariableInstanceQuery()
                .processInstanceId(done.processInstanceId()).variableName("launchProgress").singleResult().getValue())
                .isEqualTo("已发起 6 / 6，失败 0，待发起 0");
        assertThat(mailsTo(staff + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】批量发起已完成：计划复核（" + city + "）");

        RestClient.Response again = rest.post(staff, "secret-" + staff, "/api/launches", body("REINSPECTION"));
        assertThat(again.status()).as("nothing is due any more").isEqualTo(400);
        assertThat(again.body().get("message").asText()).contains("没有需要发起「计划复核」的对象，未发起任何流程");
        assertThat(launchCount()).isEqualTo(launchCount());
    }

    @Test
    void anAnnualReviewLaunchGivesEachNamedTitleOneReviewWithItsNoticeFromTheOutbox() {
        List<Long> named = titles(city.substring(0, 4) + "01", 4, TestClock.today().minusYears(1));
        named.addAll(titles(city.substring(0, 4) + "02", 3, TestClock.today().minusYears(2)));
        Map<String, Object> body = body("ANNUAL_REVIEW");
        body.put("year", TestClock.today().getYear());
        body.put("dueDate", TestClock.today().plusDays(20).toString());
        body.put("finalDeadline", TestClock.today().plusDays(40).toString());
        RestClient.Response created = rest.post(staff, "secret-" + staff, "/api/launches", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long id = created.body().get("id").asLong();
        assertThat(created.body().get("title").asText()).isEqualTo(TestClock.today().getYear() + "年度评估（" + city + "）");
        runLaunch(id);

        assertThat(launches.progress(id)).isEqualTo(new Launch.Progress(0, 7, 0, 0));
        for (long designation : named) {
            assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("annual-review")
                    .variableValueEquals("designationId", designation).variableValueEquals("launchId", id).count())
                    .as("title " + designation).isEqualTo(1);
        }
        var report = engine.getTaskService().createTaskQuery().processVariableValueEquals("launchId", id)
                .taskDefinitionKey("SubmitAnnualReport").list();
        assertThat(report).hasSize(7).allSatisfy(t -> assertThat(t.getName()).startsWith("提交年度创建工作报告：批量单位" + city.substring(0, 4)));
        assertThat(report.get(0).getDueDate()).isEqualTo(java.util.Date.from(TestClock.today().plusDays(20)
                .atTime(23, 59).atZone(TestClock.ZONE).toInstant()));
        // The notices were queued in the batches' transactions and go out with the outbox's next round.
        assertThat(mailsTo("unit1@demo.example")).noneMatch(m -> m.subject().contains("年度评估"));
        outbox.sendDue();
        assertThat(mailsTo("unit1@demo.example")).filteredOn(m -> m.subject().contains("年度评估")).hasSize(7);

        String filter = launches.find(id).orElseThrow().filterId();
        // A filter counts as the person who opens it: the commission has nothing of the launch yet, unit1
        // (given the filter here) holds the seven reports.
        engine.getIdentityService().setAuthentication(staff, List.of("commission-" + city));
        assertThat(engine.getFilterService().count(filter)).as("nothing offered to the commission yet").isZero();
        engine.getIdentityService().clearAuthentication();
        Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setUserId("unit1");
        read.setResource(Resources.FILTER);
        read.setResourceId(filter);
        read.addPermission(org.camunda.bpm.engine.authorization.Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);
        engine.getIdentityService().setAuthentication("unit1", List.of(Roles.UNIT_CONTACTS));
        assertThat(engine.getFilterService().count(filter)).as("the launch's Tasklist filter lists its tasks").isEqualTo(7L);
        engine.getIdentityService().clearAuthentication();

        RestClient.Response again = rest.post(staff, "secret-" + staff, "/api/launches", body);
        assertThat(again.status()).as("every title has its review for the year").isEqualTo(400);
        assertThat(again.body().get("message").asText()).contains("没有需要发起「年度评估」的对象");
    }

    @Test
    void aReportRequestAsksTheUnitsOrTheCommissionsBelowAndItsRequesterFollowsIt() {
        titles(city.substring(0, 4) + "01", 3, TestClock.today().minusYears(1));
        titles(city.substring(0, 4) + "02", 2, TestClock.today().minusYears(1));
        Map<String, Object> body = body("REPORT_REQUEST");
        body.put("audience", "UNITS");
        body.put("dueDate", TestClock.today().plusDays(10).toString());
        body.put("instructions", "请报送民族团结进步活动月总结（3000 字以内）。");
        RestClient.Response untitled = rest.post(staff, "secret-" + staff, "/api/launches", body);
        assertThat(untitled.status()).isEqualTo(400);
        assertThat(untitled.body().get("message").asText()).isEqualTo("请填写「报送标题」");

        body.put("title", "活动月总结");
        RestClient.Response created = rest.post(staff, "secret-" + staff, "/api/launches", body);
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        long units = created.body().get("id").asLong();
        runLaunch(units);
        assertThat(launches.progress(units)).isEqualTo(new Launch.Progress(0, 5, 0, 0));
        RestClient.Response view = rest.get(staff, "secret-" + staff, "/api/report-requests/" + units);
        assertThat(view.status()).as(view.raw()).isEqualTo(200);
        assertThat(view.body().get("members")).hasSize(5);
        assertThat(view.body().get("title").asText()).isEqualTo("活动月总结");

        commissionOf(city.substring(0, 4) + "01");
        commissionOf(city.substring(0, 4) + "02");
        body.put("audience", "COMMISSIONS");
        body.put("title", "各旗县活动月总结");
        RestClient.Response below = rest.post(staff, "secret-" + staff, "/api/launches", body);
        assertThat(below.status()).as(below.raw()).isEqualTo(201);
        long commissions = below.body().get("id").asLong();
        runLaunch(commissions);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceBusinessKeyLike("launch-" + commissions + ":%")
                .list()).extracting(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("commission-" + city.substring(0, 4) + "01", "commission-" + city.substring(0, 4) + "02");
    }

    @Test
    void aMemberWhoseStartIsRefusedIsListedAsFailedAndTheOthersStart() {
        List<Long> due = titles(city.substring(0, 4) + "01", 4, TestClock.today().minusYears(4));
        long id = launch();
        // Between selection and start a re-inspection of one title began by hand: the model refuses the second.
        startReinspectionOf(due.get(2));
        runLaunch(id);

        Launch done = launches.find(id).orElseThrow();
        assertThat(done.progress()).isEqualTo(new Launch.Progress(0, 3, 1, 0));
        RestClient.Response failed = rest.get(staff, "secret-" + staff, "/api/launches/" + id + "/members?state=FAILED");
        assertThat(failed.body()).hasSize(1);
        assertThat(failed.body().get(0).get("member_key").asText()).isEqualTo("designation:" + due.get(2));
        assertThat(failed.body().get(0).get("message").asText()).contains("已有正在进行的复核复检");
        assertThat(instancesFor(id, due.get(2))).isZero();
    }

    @Test
    void aBatchCutOffBeforeItsCommitLeavesNothingAndTheResumedLaunchStartsEachMemberOnce() {
        List<Long> due = titles(city.substring(0, 4) + "01", 6, TestClock.today().minusYears(4));
        long id = launch();
        Map<String, Object> variables = LaunchContract.memberVariables(launches.find(id).orElseThrow());
        // The node dies after starting a batch and before committing it: the transaction is rolled back.
        assertThatThrownBy(() -> runner.transaction.executeWithoutResult(tx -> {
            assertThat(runner.startBatch(engine.getRuntimeService(), id, "reinspection", variables)).hasSize(6);
            throw new IllegalStateException("断电");
        })).hasMessage("断电");
        assertThat(launches.progress(id).pending()).isEqualTo(6);
        assertThat(reinspections(id)).isZero();
        assertThat(designations.find(due.get(0)).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);

        runLaunch(id);
        assertThat(launches.progress(id)).isEqualTo(new Launch.Progress(0, 6, 0, 0));
        due.forEach(d -> assertThat(instancesFor(id, d)).isEqualTo(1));
        // The job running once more (a second node, a retry after a lost lock) finds nothing left to start.
        assertThat(runner.run(engine.getRuntimeService(), id, "reinspection", variables).started()).isZero();
        assertThat(reinspections(id)).isEqualTo(6);
    }

    @Test
    void twoNodesRunningOneLaunchAtOnceStartEachMemberExactlyOnce() throws Exception {
        List<Long> due = titles(city.substring(0, 4) + "01", 40, TestClock.today().minusYears(4));
        long id = launch();
        Map<String, Object> variables = LaunchContract.memberVariables(launches.find(id).orElseThrow());
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Callable<LaunchRunner.Outcome> node = () -> runner.run(engine.getRuntimeService(), id, "reinspection", variables);
            List<Future<LaunchRunner.Outcome>> both = nodes.invokeAll(List.of(node, node));
            int started = 0;
            for (Future<LaunchRunner.Outcome> outcome : both) {
                started += outcome.get().started();
            }
            assertThat(started).isEqualTo(40);
        } finally {
            nodes.shutdownNow();
        }
        assertThat(launches.progress(id)).isEqualTo(new Launch.Progress(0, 40, 0, 0));
        assertThat(jdbc.sql("SELECT count(DISTINCT process_instance_id) FROM registry.launch_member WHERE launch_id = :id")
                .param("id", id).query(Integer.class).single()).isEqualTo(40);
        due.forEach(d -> assertThat(instancesFor(id, d)).isEqualTo(1));
    }

    /**
     * Two engines on one database, as two nodes of a cluster, both run the launch's job at the same
     * moment: their workers take disjoint members, one job's completion loses to the other's
     * (optimistic locking), and every member is started exactly once.
     */
    @Test
    void twoEnginesOnOneDatabaseRunningTheSameJobStartEachMemberExactlyOnce() throws Exception {
        List<Long> due = titles(city.substring(0, 4) + "01", 60, TestClock.today().minusYears(4));
        long id = launch();
        ProcessEngine second = org.ethnicunity.platform.SecondNode.start(context, engine, "second-node-" + id);
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            String job = engine.getManagementService().createJobQuery()
                    .processInstanceId(launches.find(id).orElseThrow().processInstanceId()).singleResult().getId();
            List<Future<Object>> both = nodes.invokeAll(List.of(
                    () -> run(engine, job), () -> run(second, job)));
            List<Object> outcomes = new ArrayList<>();
            for (Future<Object> outcome : both) {
                outcomes.add(outcome.get());
            }
            assertThat(outcomes).as("at least one node completed the job").contains("done");
        } finally {
            nodes.shutdownNow();
            second.close();
        }
        runLaunch(id);
        assertThat(launches.find(id).orElseThrow().state()).isEqualTo("DONE");
        assertThat(launches.progress(id)).isEqualTo(new Launch.Progress(0, 60, 0, 0));
        assertThat(reinspections(id)).isEqualTo(60);
        due.forEach(d -> assertThat(instancesFor(id, d)).as("title " + d).isEqualTo(1));
    }

    private static Object run(ProcessEngine node, String job) {
        try {
            node.getManagementService().executeJob(job);
            return "done";
        } catch (OptimisticLockingException | org.camunda.bpm.engine.exception.NullValueException lost) {
            return "lost: " + lost.getClass().getSimpleName();
        }
    }

    @Test
    void aCancelledLaunchStartsNoMoreAndSaysSo() {
        titles(city.substring(0, 4) + "01", 3, TestClock.today().minusYears(4));
        long id = launch();
        RestClient.Response cancelled = rest.post(staff, "secret-" + staff, "/api/launches/" + id + "/cancel", Map.of());
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        runLaunch(id);
        Launch ended = launches.find(id).orElseThrow();
        assertThat(ended.state()).isEqualTo("CANCELLED");
        assertThat(ended.progress()).isEqualTo(new Launch.Progress(0, 0, 0, 3));
        assertThat(reinspections(id)).isZero();
        assertThat(mailsTo(staff + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】批量发起已取消：计划复核（" + city + "）");
        RestClient.Response twice = rest.post(staff, "secret-" + staff, "/api/launches/" + id + "/cancel", Map.of());
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.body().get("message").asText()).isEqualTo("该批量发起已取消，不能取消");
    }

    @Test
    void twoCancelsAtOnceCancelOnceAndTheOtherIsToldWith409() throws Exception {
        titles(city.substring(0, 4) + "01", 2, TestClock.today().minusYears(4));
        long id = launch();
        CyclicBarrier together = new CyclicBarrier(2);
        Callable<RestClient.Response> cancel = () -> {
            together.await();
            return rest.post(staff, "secret-" + staff, "/api/launches/" + id + "/cancel", Map.of());
        };
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<RestClient.Response> answers = new ArrayList<>();
        try {
            for (Future<RestClient.Response> answer : threads.invokeAll(List.of(cancel, cancel))) {
                answers.add(answer.get());
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(answers).extracting(RestClient.Response::status).as(answers.toString()).containsExactlyInAnyOrder(200, 409);
        assertThat(answers).filteredOn(a -> a.status() == 409).first()
                .satisfies(a -> assertThat(a.body().get("message").asText()).isEqualTo("该批量发起已取消，不能取消"));
        runLaunch(id);
        assertThat(launches.find(id).orElseThrow().progress()).isEqualTo(new Launch.Progress(0, 0, 0, 2));
        assertThat(mailsTo(staff + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】批量发起已取消：计划复核（" + city + "）");
    }

    @Test
    void aLaunchDeletedInCockpitShowsAsCancelled() {
        titles(city.substring(0, 4) + "01", 2, TestClock.today().minusYears(4));
        long id = launch();
        engine.getRuntimeService().deleteProcessInstance(launches.find(id).orElseThrow().processInstanceId(), "管理员删除");
        RestClient.Response seen = rest.get(staff, "secret-" + staff, "/api/launches/" + id);
        assertThat(seen.body().get("state").asText()).isEqualTo("CANCELLED");
        assertThat(seen.body().at("/progress/cancelled").asInt()).isEqualTo(2);
    }

    @Test
    void badLaunchesAreRefusedWithAReasonAndStartNothing() {
        titles(city.substring(0, 4) + "01", 2, TestClock.today().minusYears(4));
        String otherCity = "16" + REGIONS.incrementAndGet() + "00";
        titles(otherCity.substring(0, 4) + "01", 1, TestClock.today().minusYears(4));
        long before = launchCount();
        Map<String, String> refusals = new java.util.LinkedHashMap<>();
        refusals.put("kind=ANNUAL_REPORTING", "不是可批量发起的事项");
        refusals.put("regionCode=1505", "「行政区划代码」须为 6 位数字");
        refusals.put("regionCode=" + otherCity, "您只能为本级及下级地区批量发起（您的范围：" + city + "），" + otherCity + " 不在其内");
        refusals.put("level=PROVINCE", "未知的级别：PROVINCE");
        refusals.put("unitType=工厂", "未知的单位类型：工厂");
        refusals.put("unitType=RELIGIOUS_SITE", "没有需要发起「计划复核」的对象");
        for (var refusal : refusals.entrySet()) {
            Map<String, Object> body = body("REINSPECTION");
            String[] change = refusal.getKey().split("=");
            body.put(change[0], change[1]);
            RestClient.Response refused = rest.post(staff, "secret-" + staff, "/api/launches", body);
            assertThat(refused.status()).as(refusal.getKey() + ": " + refused.raw()).isEqualTo(400);
            assertThat(refused.body().get("message").asText()).as(refusal.getKey()).contains(refusal.getValue());
        }
        String unknown = "16" + REGIONS.incrementAndGet() + "00";
        assertThat(rest.post(null, null, "/api/launches", body("REINSPECTION")).status()).isEqualTo(401);
        Map<String, Object> body = body("REINSPECTION");
        body.put("regionCode", unknown);
        RestClient.Response refused = rest.post("admin", "demo", "/api/launches", body);
        assertThat(refused.body().get("message").asText()).isEqualTo("未知的行政区划：" + unknown + "（平台中没有该地区的单位或工作组）");
        // Over the Tasklist form's REST door, a date in the past.
        Map<String, Object> form = new HashMap<>();
        form.put("launchKind", Map.of("value", "REINSPECTION"));
        form.put("regionCode", Map.of("value", city));
        form.put("reportDueDate", Map.of("value", TestClock.today().minusDays(1).toString()));
        RestClient.Response past = rest.post(staff, "secret-" + staff, "/engine-rest/process-definition/key/launch/submit-form",
                Map.of("variables", form));
        assertThat(past.status()).as(past.raw()).isEqualTo(400);
        assertThat(past.body().get("message").asText()).contains("「报送截止日期」" + TestClock.today().minusDays(1) + " 已过");
        assertThat(launchCount()).isEqualTo(before);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("launch").active()
                .variableValueEquals("regionCode", city).count()).isZero();
    }

    @Test
    void launchesAreSeenByTheCommissionOfTheirRegionAndAboveOnly() {
        titles(city.substring(0, 4) + "01", 1, TestClock.today().minusYears(4));
        String banner = commissionOf(city.substring(0, 4) + "01");
        long id = launch();
        String other = commissionOf("16" + REGIONS.incrementAndGet() + "00");
        assertThat(rest.get(staff, "secret-" + staff, "/api/launches/" + id).status()).isEqualTo(200);
        assertThat(rest.get(staff, "secret-" + staff, "/api/launches").body().findValuesAsText("id")).contains(String.valueOf(id));
        RestClient.Response foreign = rest.get(other, "secret-" + other, "/api/launches/" + id);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("message").asText()).isEqualTo("找不到编号为 " + id + " 的批量发起");
        assertThat(rest.get(banner, "secret-" + banner, "/api/launches/" + id).status()).as("a banner below the city").isEqualTo(404);
        assertThat(rest.post(other, "secret-" + other, "/api/launches/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(rest.get("unit1", "demo", "/api/launches/" + id).status()).isEqualTo(404);
        assertThat(rest.get(null, null, "/api/launches/" + id).status()).isEqualTo(401);
        // The launch's Tasklist filter is offered to the commissions of the city and its banners.
        String filter = launches.find(id).orElseThrow().filterId();
        assertThat(engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filter).list()).extracting(Authorization::getGroupId)
                .containsExactlyInAnyOrder("commission-" + city, "commission-" + city.substring(0, 4) + "01");
        assertThat(engine.getFilterService().getFilter(filter).getName()).isEqualTo("计划复核（" + city + "）（逾期在前）");
    }

    @Test
    void theLaunchPageShowsProgressAndWhatFailedToItsCommissionOnly() {
        List<Long> due = titles(city.substring(0, 4) + "01", 3, TestClock.today().minusYears(4));
        long id = launch();
        startReinspectionOf(due.get(1));
        WebappSession browser = new WebappSession(port);
        assertThat(browser.page("/launches/" + id).body()).as("a login first").contains("请先登录").doesNotContain("计划复核（");
        assertThat(browser.loginStatus(staff, "secret-" + staff)).isEqualTo(200);
        assertThat(browser.page("/launches/" + id).body()).contains("计划复核（" + city + "）", "发起中", "页面每 5 秒自动刷新",
                "#/?filter=" + launches.find(id).orElseThrow().filterId());
        runLaunch(id);
        var page = browser.page("/launches/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("已完成", "<dt>已发起</dt><dd>2</dd>", "<dt>未能发起</dt><dd>1</dd>",
                "designation:" + due.get(1), "已有正在进行的复核复检").doesNotContain("自动刷新");
        String other = commissionOf("16" + REGIONS.incrementAndGet() + "00");
        WebappSession stranger = new WebappSession(port);
        assertThat(stranger.loginStatus(other, "secret-" + other)).isEqualTo(200);
        var refused = stranger.page("/launches/" + id);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("找不到该批量发起").doesNotContain("计划复核（");
    }

    private long launch() {
        RestClient.Response created = rest.post(staff, "secret-" + staff, "/api/launches", body("REINSPECTION"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.body().get("id").asLong();
    }

    private Map<String, Object> body(String kind) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("regionCode", city);
        return body;
    }

    /** Runs the launch's jobs as the job executor would, until its instance ends. */
    private void runLaunch(long id) {
        String instance = launches.find(id).orElseThrow().processInstanceId();
        for (int round = 0; round < 20; round++) {
            Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
            if (job == null) {
                return;
            }
            engine.getManagementService().executeJob(job.getId());
        }
        throw new AssertionError("launch " + id + " did not finish in 20 jobs");
    }

    private long instancesFor(long launchId, long designationId) {
        return engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey("designation/" + designationId).variableValueEquals("launchId", launchId).count();
    }

    private long reinspections(long launchId) {
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("reinspection")
                .variableValueEquals("launchId", launchId).count();
    }

    private long launchCount() {
        return jdbc.sql("SELECT count(*) FROM registry.launch").query(Long.class).single();
    }

    private void startReinspectionOf(long designationId) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("designationId", designationId);
        variables.put("reinspectionTrigger", "COMPLAINT");
        variables.put("reinspectionReason", "实名投诉");
        variables.put("complainantName", "张三");
        variables.put("complainantContact", "13800000000");
        engine.getRuntimeService().startProcessInstanceByKey("reinspection", variables);
    }

    /** Named banner titles imported from paper records, one unit each, in that region. */
    private List<Long> titles(String region, int count, LocalDate named) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String n = region + "-" + System.nanoTime();
            Unit unit = units.insert(new Unit(null, "批量单位" + n, UnitType.SCHOOL, region, "unit1", "王丽", "unit1@demo.example"));
            long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
            designations.recordNaming(id, named, "测试文号〔" + named.getYear() + "〕" + id + "号", named.plusYears(5), false);
            ids.add(id);
        }
        return ids;
    }

    /** Commission staff of a region made after start-up, with the start grant an administrator gives such a group. */
    private String commissionOf(String region) {
        String user = member("lc" + region, "commission-" + region);
        grantStart("commission-" + region, "launch");
        return user;
    }
}
