package org.ethnicunity.platform.reinspection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.deadlines.ServiceLevelSettings;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/reinspection.bpmn, with the registry (status, events, procedure) and the mails
 * checked after each; the refusals; two simultaneous starts; the re-inspection API.
 */
class ReinspectionProcessTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("reinspection", 8, ReinspectionProcessTest.class,
            ReinspectionStraightToExitTest.class);

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired DynamicProcedures procedures;
    @Autowired RegistryService registry;
    @Autowired WorkingDays workingDays;
    @Autowired ServiceLevelSettings serviceLevels;
    @Autowired JdbcClient jdbc;

    NominationFixture people;
    ReinspectionFixture fixture;
    Unit unit;
    long designation;

    @BeforeEach
    void setUp() {
        people = new NominationFixture(engine, units, campaigns, indicatorSets);
        fixture = new ReinspectionFixture(engine, people, designations);
        unit = people.newUnit("150525");
        designation = fixture.namedDesignation(unit, TestClock.today().minusYears(3));
    }

    @Test
    void passedReinspectionRetainsTheTitle() {
        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "命名满三年定期复核");
        assertThat(instance).isWaitingAt("SelfInspection").task().isAssignedTo(unit.contactUser());
        assertThat(status()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        assertThat(procedures.running(designation)).get().extracting(DynamicProcedures.Procedure::kind).isEqualTo("REINSPECTION");
        Task self = task(instance, "SelfInspection");
        assertThat(self.getDueDate()).isCloseTo(workingDays.add(self.getCreateTime(), serviceLevels.daysFor("SelfInspection")), 1000);
        Mail notice = single("【民族团结进步创建】复核复检通知：" + unit.name());
        assertThat(notice.text()).contains("计划复核", "命名满三年定期复核", "#/?task=" + self.getId(),
                "/registry/designations/" + designation);

        fixture.selfInspection(instance, unit);
        assertThat(instance).isWaitingAt("SiteReinspection").variables().containsEntry("selfTotal", 106.0);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("assessor-150525").count()).isEqualTo(2);
        fixture.siteReinspection(instance, ReinspectionFixture.GOOD_SITE);

        assertThat(instance).isEnded().hasPassed("CombineSiteAssessments", "GradeReinspection", "RetainAfterReinspection", "Retained")
                .variables().containsEntry("siteTotal", 111.0).containsEntry("siteGrade", "优秀")
                .containsEntry("reinspectionOutcome", "RETAINED");
        assertThat(status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(events()).extracting(DesignationEvent::toStatus).containsExactly(DesignationStatus.NAMED,
                DesignationStatus.UNDER_REINSPECTION, DesignationStatus.NAMED);
        assertThat(events()).extracting(DesignationEvent::actor).containsExactly("admin", "commission1", "assessor2");
        assertThat(outcome(instance)).isEqualTo("RETAINED");
        Mail retained = single("【民族团结进步创建】复核复检结果：保留称号：" + unit.name());
        assertThat(retained.text()).contains("复核复检合格（优秀）", "平均总分 111.0 分");
        assertThat(retained.html()).contains("保留称号", "优秀");
    }

    @Test
    void failedReinspectionIsRectifiedAndPassesTheSecondCheck() {
        ProcessInstance instance = fixture.start("commission1", designation, "COMMISSION_CALL", "旗民委委托复核");
        fixture.selfInspection(instance, unit);
        fixture.siteReinspection(instance, ReinspectionFixture.POOR_SITE);

        LocalDate deadline = TestClock.today().plusMonths(3);
        assertThat(instance).isWaitingAt("RectificationReport").hasPassed("OrderRectification").variables()
                .containsEntry("siteGrade", "不合格").containsEntry("rectificationDeadline", deadline.toString());
        Task report = task(instance, "RectificationReport");
        assertThat(report.getAssignee()).isEqualTo(unit.contactUser());
        assertThat(report.getDueDate().toInstant()).isEqualTo(deadline.plusDays(1).atStartOfDay(TestClock.ZONE).minusSeconds(1).toInstant());
        assertThat(status()).isEqualTo(DesignationStatus.RECTIFYING);
        Mail order = single("【民族团结进步创建】限期整改通知：" + unit.name());
        assertThat(order.text()).contains("整改期限：" + deadline, "复核复检不合格（不合格）", "平均总分 86.0 分", "#/?task=" + report.getId());

        fixture.rectificationReport(instance, unit);
        assertThat(instance).isWaitingAt("SecondCheck");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("commission-150525").count()).isEqualTo(1);
        fixture.secondCheck(instance, "PASS", "整改到位，台账完备");

        assertThat(instance).isEnded().hasPassed("RetainAfterSecondCheck", "Retained").hasNotPassed("RetainAfterReinspection");
        assertThat(status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(events()).extracting(DesignationEvent::toStatus).containsExactly(DesignationStatus.NAMED,
                DesignationStatus.UNDER_REINSPECTION, DesignationStatus.RECTIFYING, DesignationStatus.NAMED);
        assertThat(events().get(2).reason()).startsWith("限期整改至 " + deadline);
        assertThat(outcome(instance)).isEqualTo("RETAINED");
        assertThat(single("【民族团结进步创建】复核复检结果：保留称号：" + unit.name()).text()).contains("整改复查合格：整改到位，台账完备");
        assertThat(unitMails()).hasSize(3);
    }

    @Test
    void failedSecondCheckHandsTheDesignationToExit() {
        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        fixture.selfInspection(instance, unit);
        fixture.siteReinspection(instance, ReinspectionFixture.POOR_SITE);
        fixture.rectificationReport(instance, unit);
        fixture.secondCheck(instance, "FAIL", "整改流于形式，问题依旧");

        assertThat(instance).isEnded().hasPassed("HandToExitAfterSecondCheck", "HandedToExit");
        ProcessInstance exit = exitOf(designation);
        assertThat(exit).isWaitingAt("VerifyGrounds").variables().containsEntry("designationId", designation)
                .containsEntry("exitGrounds", "SECOND_CHECK_FAILED")
                .containsEntry("exitGroundsDetail", "整改复查不合格：整改流于形式，问题依旧");
        assertThat(exit.getBusinessKey()).isEqualTo("EXIT/" + designation);
        // The exit's own first step (bpmn/exit.bpmn's OpenExit) takes the title over from the closed re-inspection.
        assertThat(status()).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(events()).extracting(DesignationEvent::toStatus).endsWith(DesignationStatus.RECTIFYING,
                DesignationStatus.IN_EXIT);
        assertThat(outcome(instance)).isEqualTo("FAILED");
        assertThat(procedures.running(designation)).get().extracting(DynamicProcedures.Procedure::kind).isEqualTo("EXIT");
        Mail failed = single("【民族团结进步创建】复核复检不合格，转入退出程序：" + unit.name());
        assertThat(failed.text()).contains("整改复查不合格：整改流于形式，问题依旧", "陈述申辩");
    }

    @Test
    void rectificationOrderedByAnExitDecisionGoesStraightToRectification() {
        registry.openProcedure(designation, "EXIT", DesignationStatus.IN_EXIT, "leader1", "退出程序", "exit-stand-in-" + designation);
        registry.closeProcedure("exit-stand-in-" + designation, "RECTIFY");

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("reinspection", Map.of(
                "designationId", designation, "rectificationOrdered", true, "reinspectionTrigger", "EXIT_DECISION"));

        assertThat(instance).isWaitingAt("RectificationReport").hasPassed("OrderRectification").hasNotPassed("SelfInspection");
        assertThat(status()).isEqualTo(DesignationStatus.RECTIFYING);
        assertThat(events()).extracting(DesignationEvent::toStatus).containsExactly(DesignationStatus.NAMED,
                DesignationStatus.IN_EXIT, DesignationStatus.RECTIFYING);
        assertThat(events().get(2).actor()).isEqualTo("system");
        assertThat(procedures.running(designation)).get().extracting(DynamicProcedures.Procedure::processInstanceId)
                .isEqualTo(instance.getId());
        assertThat(single("【民族团结进步创建】限期整改通知：" + unit.name()).text()).contains("退出程序决定责令整改");
    }

    @Test
    void aVetoEventInterruptsTheReinspectionAndLeavesTheStatusToExit() {
        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        fixture.selfInspection(instance, unit);
        engine.getRuntimeService().createMessageCorrelation("vetoEvent").processInstanceId(instance.getId())
                .setVariable(ReinspectionContract.VETO_REASON.name(), "发生涉及民族因素的群体性事件").correlate();

        assertThat(instance).isEnded().hasPassed("CloseOnVeto", "ClosedByVeto").hasNotPassed("CombineSiteAssessments");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(status()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        assertThat(outcome(instance)).isEqualTo("VETO");
        assertThat(procedures.running(designation)).isEmpty();
    }

    /** Cockpit's delete skips custom listeners by default; the procedure is closed all the same. */
    @Test
    void deletingARunningReinspectionGivesTheTitleBack() {
        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        fixture.selfInspection(instance, unit);
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "管理员撤回", true);
        assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(outcome(instance)).isEqualTo("CANCELLED");
        assertThat(designations.events(designation)).last().extracting(DesignationEvent::reason).asString()
                .contains("流程被终止");
        // The title can be re-inspected again.
        ProcessInstance again = fixture.start("commission1", designation, "SCHEDULED", "重新发起");
        assertThat(again).isWaitingAt("SelfInspection");
    }

    @Test
    void twoSimultaneousStartsGiveOneInstance() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<Future<String>> starts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            starts.add(threads.submit(() -> {
                go.await();
                try {
                    return engine.getRuntimeService().startProcessInstanceByKey("reinspection", Map.of("designationId",
                            designation, "reinspectionTrigger", "ANNUAL_REVIEW_FAILED")).getId();
                } catch (RuleViolation refused) {
                    return refused.getMessage();
                }
            }));
        }
        go.countDown();
        List<String> answers = new ArrayList<>();
        for (Future<String> start : starts) {
            answers.add(start.get(60, TimeUnit.SECONDS));
        }
        threads.shutdown();

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("reinspection")
                .processInstanceBusinessKey("designation/" + designation).count()).isEqualTo(1);
        assertThat(answers).filteredOn(a -> a.contains("同一时间只能进行一项")).hasSize(1);
        assertThat(events()).extracting(DesignationEvent::toStatus).containsExactly(DesignationStatus.NAMED,
                DesignationStatus.UNDER_REINSPECTION);
        assertThat(unitMails()).hasSize(1);
    }

    /** Triggers the platform raises are the platform's: neither commission staff nor an administrator starts on one. */
    @Test
    void nobodyStartsAReinspectionOnATriggerOnlyThePlatformRaises() {
        List<ReinspectionTrigger> system = java.util.Arrays.stream(ReinspectionTrigger.values()).filter(t -> !t.byPeople()).toList();
        assertThat(system).containsExactlyInAnyOrder(ReinspectionTrigger.ANNUAL_REVIEW_FAILED, ReinspectionTrigger.EXIT_DECISION);
        for (ReinspectionTrigger trigger : system) {
            for (String user : List.of("commission1", "admin")) {
                assertThatThrownBy(() -> fixture.start(user, designation, trigger.name(), "冒充平台发起"))
                        .as(trigger + " by " + user).isInstanceOf(RuleViolation.class)
                        .hasMessageContaining("「" + trigger.label() + "」引起的复核复检由平台自动发起");
            }
        }
        assertNothingStarted(designation);
    }

    @Test
    void onlyTheGrantingCommissionMayStart() {
        assertThatThrownBy(() -> fixture.start("prelim1", designation, "SCHEDULED", "定期复核"))
                .isInstanceOf(AuthorizationException.class);
        Unit foreignUnit = people.newUnit("150522");
        long foreign = fixture.namedDesignation(foreignUnit, TestClock.today().minusYears(4));
        assertThatThrownBy(() -> fixture.start("commission1", foreign, "SCHEDULED", "定期复核"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("找不到您可发起复核复检的命名记录").message().doesNotContain("150522");
        assertThatThrownBy(() -> fixture.start("commission1", designation, "EXIT_DECISION", "冒充退出决定"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("由平台自动发起");
        assertThat(designations.find(foreign).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
        assertNothingStarted(designation);
        assertNothingStarted(foreign);
        // An administrator may start anywhere.
        ProcessInstance byAdmin = fixture.start("admin", foreign, "SCHEDULED", "自治区抽查");
        assertThat(byAdmin).isWaitingAt("SelfInspection");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(byAdmin.getId()).singleResult().getAssignee())
                .isEqualTo(foreignUnit.contactUser());
    }

    @Test
    void aTitleNotHeldOrAlreadyUnderProcedureIsRefused() {
        Unit other = people.newUnit("150525");
        long declined = designations.insert(other.id(), org.ethnicunity.platform.registry.Level.BANNER, null,
                DesignationStatus.DECLINED, null, "未通过");
        assertThatThrownBy(() -> fixture.start("commission1", declined, "SCHEDULED", "定期复核"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("不持有称号");
        assertNothingStarted(declined);

        ProcessInstance first = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        assertThatThrownBy(() -> fixture.start("commission1", designation, "COMMISSION_CALL", "再发起一次"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("该称号已有正在进行的复核复检（流程 " + first.getId() + "）");
        assertThat(events()).hasSize(2);
    }

    @Test
    void badFormValuesOverRestAreRefusedInChineseAndChangeNothing() {
        RestClient rest = new RestClient(port);
        String start = "/engine-rest/process-definition/key/reinspection/submit-form";
        RestClient.Response complaint = rest.post("commission1", "demo", start, RestClient.variables(Map.of(
                "designationId", designation, "reinspectionTrigger", "COMPLAINT", "reinspectionReason", "群众反映创建停滞")));
        assertThat(complaint.status()).isEqualTo(400);
        assertThat(complaint.body().get("message").asText()).contains("实名投诉须填写「投诉人姓名」");
        RestClient.Response trigger = rest.post("commission1", "demo", start, RestClient.variables(Map.of(
                "designationId", designation, "reinspectionTrigger", "WHIM", "reinspectionReason", "x")));
        assertThat(trigger.status()).isEqualTo(400);
        assertThat(trigger.body().get("message").asText()).contains("不是有效的复核复检原因");
        // The designation id is read by the one rule of both lifecycles' starts (Subject.DESIGNATION_ID).
        RestClient.Response badId = rest.post("commission1", "demo", start, RestClient.variables(Map.of(
                "designationId", "12a", "reinspectionTrigger", "SCHEDULED", "reinspectionReason", "x")));
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.body().get("message").asText()).contains("「命名记录编号」须为正整数编号，收到的「12a」");
        RestClient.Response smuggled = rest.post("commission1", "demo", start, RestClient.variables(Map.of(
                "designationId", designation, "reinspectionTrigger", "SCHEDULED", "reinspectionReason", "x",
                "rectificationOrdered", true)));
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.body().get("message").asText()).contains("rectificationOrdered");
        assertNothingStarted(designation);

        Map<String, Object> named = new HashMap<>(Map.of("designationId", designation, "reinspectionTrigger", "COMPLAINT",
                "reinspectionReason", "群众反映创建停滞", "complainantName", "王五", "complainantContact", "13800000000"));
        RestClient.Response ok = rest.post("commission1", "demo", start, RestClient.variables(named));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(ok.body().get("id").asText()).singleResult();
        assertThat(instance).variables().containsEntry("triggerLabel", "实名投诉").containsEntry("complainantName", "王五");

        Task self = task(instance, "SelfInspection");
        RestClient.Response noReport = rest.post(unit.contactUser(), people.passwordOf(unit),
                "/engine-rest/task/" + self.getId() + "/submit-form",
                RestClient.variables(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 30)));
        assertThat(noReport.status()).isEqualTo(400);
        assertThat(noReport.body().get("message").asText()).contains("请填写「自查报告」");
        Map<String, Object> tooHigh = new HashMap<>(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 30));
        tooHigh.put("selfInspectionReport", "自查");
        RestClient.Response range = rest.post(unit.contactUser(), people.passwordOf(unit),
                "/engine-rest/task/" + self.getId() + "/submit-form", RestClient.variables(tooHigh));
        assertThat(range.status()).isEqualTo(400);
        assertThat(range.body().get("message").asText()).contains("「创建特色与成效」的分数 30 超出范围");
        assertThat(instance).isWaitingAt("SelfInspection").variables().doesNotContainKeys("selfInspectionReport", "selfTotal");
    }

    @Test
    void theSecondCheckNeedsAValidDecisionAndReasons() {
        ProcessInstance instance = fixture.start("commission1", designation, "SCHEDULED", "定期复核");
        fixture.selfInspection(instance, unit);
        fixture.siteReinspection(instance, ReinspectionFixture.POOR_SITE);
        fixture.rectificationReport(instance, unit);
        assertThatThrownBy(() -> fixture.secondCheck(instance, "MAYBE", "再看看")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("请选择「复查结论」（复查合格、复查不合格）");
        assertThatThrownBy(() -> fixture.secondCheck(instance, "PASS", " ")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("请填写「复查意见」");
        assertThat(instance).isWaitingAt("SecondCheck");
        assertThat(status()).isEqualTo(DesignationStatus.RECTIFYING);
    }

    @Test
    void theApiStartsPerDesignationAndListsThoseDue() {
        Unit recent = people.newUnit("150525");
        long recentlyNamed = fixture.namedDesignation(recent, TestClock.today().minusYears(1));
        Unit older = people.newUnit("150525");
        long oldest = fixture.namedDesignation(older, TestClock.today().minusYears(4));
        Unit foreignUnit = people.newUnit("150522");
        long foreign = fixture.namedDesignation(foreignUnit, TestClock.today().minusYears(5));
        RestClient rest = new RestClient(port);

        RestClient.Response due = rest.get("commission1", "demo", "/api/reinspections/due");
        assertThat(due.status()).isEqualTo(200);
        List<Long> dueIds = new ArrayList<>();
        due.body().forEach(d -> dueIds.add(d.get("designationId").asLong()));
        assertThat(dueIds).contains(oldest, designation).doesNotContain(recentlyNamed, foreign);
        assertThat(dueIds.indexOf(oldest)).isLessThan(dueIds.indexOf(designation));
        assertThat(rest.get("prelim1", "demo", "/api/reinspections/due").body()).isEmpty();

        RestClient.Response started = rest.post("commission1", "demo", "/api/reinspections", Map.of(
                "designationIds", List.of(designation, foreign, oldest), "trigger", "SCHEDULED", "reason", "三年期满定期复核"));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        assertThat(started.body().get(0).get("started").asBoolean()).isTrue();
        assertThat(started.body().get(1).get("started").asBoolean()).isFalse();
        assertThat(started.body().get(1).get("message").asText()).contains("找不到您可发起复核复检的命名记录")
                .doesNotContain("150522");
        assertThat(started.body().get(2).get("started").asBoolean()).isTrue();
        assertThat(status()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        assertThat(designations.find(foreign).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(events().get(1).actor()).isEqualTo("commission1");

        RestClient.Response again = rest.post("commission1", "demo", "/api/reinspections", Map.of(
                "designationIds", List.of(designation), "trigger", "SCHEDULED", "reason", "重复发起"));
        assertThat(again.body().get(0).get("message").asText()).contains("同一时间只能进行一项");
        RestClient.Response invalid = rest.post("commission1", "demo", "/api/reinspections", Map.of(
                "designationIds", List.of(recentlyNamed), "trigger", "EXIT_DECISION", "reason", "x"));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("message").asText()).contains("由平台自动发起");
        assertThat(rest.get("commission1", "demo", "/api/reinspections/due").body().findValuesAsText("designationId"))
                .doesNotContain(String.valueOf(designation), String.valueOf(oldest));
    }

    // ---------------------------------------------------------------- helpers

    private DesignationStatus status() {
        return designations.find(designation).orElseThrow().status();
    }

    private List<DesignationEvent> events() {
        return designations.events(designation);
    }

    private String outcome(ProcessInstance instance) {
        return jdbc.sql("SELECT outcome FROM registry.dynamic_procedure WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    /** Every mail to the unit: the re-inspection's own (a task the model assigns sends no assignment notice). */
    private List<Mail> unitMails() {
        return mailsTo(unit.contactEmail());
    }

    private Mail single(String subject) {
        List<Mail> found = mailsTo(unit.contactEmail()).stream().filter(m -> m.subject().equals(subject)).toList();
        assertThat(found).as("mails titled " + subject).hasSize(1);
        return found.get(0);
    }

    private void assertNothingStarted(long designationId) {
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("reinspection")
                .processInstanceBusinessKey("designation/" + designationId).count()).isZero();
        assertThat(procedures.running(designationId)).isEmpty();
        assertThat(designations.events(designationId)).hasSizeLessThanOrEqualTo(1);
    }

    private ProcessInstance exitOf(long designationId) {
        List<ProcessInstance> exits = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("exit")
                .variableValueEquals("designationId", designationId).list();
        assertThat(exits).hasSize(1);
        return exits.get(0);
    }
}
