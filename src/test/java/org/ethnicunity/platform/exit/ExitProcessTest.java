package org.ethnicunity.platform.exit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.contract.ExitGrounds;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.deadlines.ServiceLevelSettings;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.security.Roles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of bpmn/exit.bpmn and the veto events, with the registry, the procedures and the mails
 * checked after each. Reviewers are the demo users of 奈曼旗 (150525), the granting region of the
 * titles made here; the commission one level up (通辽市 150500) gets a member made by the test.
 */
class ExitProcessTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("exit", 8);

    private static final String ABOVE = "exitcommission150500";
    private static final String FOREIGN_COMMISSION = "exitcommission150522";

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired RegistryService registry;
    @Autowired DynamicProcedures procedures;
    @Autowired WorkingDays workingDays;
    @Autowired ServiceLevelSettings serviceLevels;
    @Autowired ExitSettings exitSettings;
    @Autowired JdbcClient jdbc;
    @Autowired PlatformTransactionManager transactions;

    NominationFixture fixture;
    RestClient rest;
    Unit unit;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        rest = new RestClient(port);
        unit = fixture.newUnit("150525");
        member(ABOVE, Roles.group(Roles.COMMISSION, "150500"));
        member(FOREIGN_COMMISSION, Roles.group(Roles.COMMISSION, "150522"));
    }

    /** The statement-window test moves the engine's clock; the classes after this one start on the pinned day. */
    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    // ---------------------------------------------------------------- grounds and decisions

    @Test
    void fraudConfirmedStatementGivenRevokedWithLockoutAndMailsToUnitGrantingCommissionAndLevelAbove() {
        long id = named(unit);
        ProcessInstance exit = start("commission1", id, "FRAUD", "申报材料中的活动照片系挪用他单位材料");
        assertThat(exit).isWaitingAt("VerifyGrounds").variables().containsEntry("exitGroundsLabel", "弄虚作假")
                .containsEntry("grantingRegionCode", "150525").containsEntry("exitStartedBy", "commission1");
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(procedures.running(id)).get().extracting(p -> p.kind()).isEqualTo("EXIT");
        assertThat(candidates(exit, "VerifyGrounds")).containsExactly("commission-150525");
        assertDueInServiceLevel(task(exit, "VerifyGrounds"));

        verify(exit, "CONFIRMED", "经调取原始台账，照片确系挪用");
        assertThat(exit).isWaitingAt("SubmitStatement").task().isAssignedTo(unit.contactUser());
        Task statement = task(exit, "SubmitStatement");
        assertThat(statement.getDueDate()).isCloseTo(workingDays.add(statement.getCreateTime(),
                exitSettings.statementWorkingDays()), 1000);
        Mail notice = mailTo(unit.contactEmail(), "退出程序告知");
        assertThat(notice.text()).contains("弄虚作假", "照片确系挪用", "陈述和申辩意见",
                statement.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDate().toString());
        assertThat(notice.html()).contains("弄虚作假");

        fixture.complete(exit, "SubmitStatement", unit.contactUser(), Map.of("statementText", "照片为共建活动合影，附共建协议"));
        assertThat(exit).isWaitingAt("LeadingGroupDecision").variables().containsEntry("statementGiven", true);
        assertThat(candidates(exit, "LeadingGroupDecision")).containsExactly("leading-150525");
        assertDueInServiceLevel(task(exit, "LeadingGroupDecision"));

        decide(exit, Map.of("exitDecision", "REVOKE", "decisionComment", "弄虚作假事实清楚",
                "revocationDocumentNumber", "奈民创办发〔2026〕12号", "revocationDocumentDate", TestClock.today().toString()));
        assertThat(exit).isEnded().hasPassed("RevokeTitle", "Revoked");
        Designation revoked = designations.find(id).orElseThrow();
        assertThat(revoked.status()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(revoked.revokedDate()).isEqualTo(TestClock.today());
        DesignationEvent last = lastEvent(id);
        assertThat(last.toStatus()).isEqualTo(DesignationStatus.REVOKED);
        assertThat(last.documentNumber()).isEqualTo("奈民创办发〔2026〕12号");
        assertThat(last.actor()).isEqualTo("leader1");
        assertThat(last.processInstanceId()).isEqualTo(exit.getId());
        assertThat(outcome(exit)).isEqualTo("REVOKED");

        String lockoutEnds = TestClock.today().plusYears(3).toString();
        Mail toUnit = mailTo(unit.contactEmail(), "撤销命名通知");
        assertThat(toUnit.text()).contains("奈民创办发〔2026〕12号", "弄虚作假", lockoutEnds, "不得再次申报");
        assertThat(toUnit.html()).contains("奈民创办发〔2026〕12号", lockoutEnds);
        for (String commission : List.of("commission1@demo.example", ABOVE + "@test.example")) {
            assertThat(mailsTo(commission)).as(commission).filteredOn(m -> m.text().contains(unit.name())).singleElement()
                    .satisfies(m -> assertThat(m.text()).contains("各位同志", "奈民创办发〔2026〕12号", lockoutEnds));
        }

        // The lockout: a new banner application of the unit is refused.
        var campaign = fixture.openBannerCampaign(30);
        assertThatThrownBy(() -> fixture.apply(unit, campaign)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("被撤销").hasMessageContaining(lockoutEnds).hasMessageContaining("不得再次申报");
    }

    @Test
    void vetoEventFromTasklistWithoutStatementWhenTheWindowClosesIsKeptWithAWarning() {
        long id = named(unit);
        ProcessInstance exit = start("supervisor1", id, "VETO_EVENT", "单位主要负责人因严重违纪被立案审查");
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
        verify(exit, "CONFIRMED", "经纪委通报核实");
        Task statement = task(exit, "SubmitStatement");

        // Silence: the boundary timer at the window's end continues the process.
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(exit.getId()).timers().singleResult();
        assertThat(timer.getDuedate()).isEqualTo(statement.getDueDate());
        ClockUtil.setCurrentTime(new Date(timer.getDuedate().getTime() + 60_000));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(exit).hasPassed("StatementWindowOver").isWaitingAt("LeadingGroupDecision")
                .variables().containsEntry("statementGiven", false);

        decide(exit, Map.of("exitDecision", "WARN", "decisionComment", "事件发生后已及时整改，予以警告"));
        assertThat(exit).isEnded().hasPassed("KeepWithWarning", "Warned");
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(lastEvent(id).reason()).contains("保留称号并予警告", "及时整改");
        assertThat(outcome(exit)).isEqualTo("WARNED");
        assertThat(procedures.running(id)).isEmpty();
        Mail warned = mailTo(unit.contactEmail(), "保留称号并予警告");
        assertThat(warned.text()).contains("一票否决事件", "予以警告");
    }

    @Test
    void dissolvedSkipsTheStatementAndRectificationHandsOverToTheReinspection() {
        long id = named(unit);
        ProcessInstance exit = start("commission1", id, "DISSOLVED", "该校已于2026年5月并入奈曼旗第三中学");
        verify(exit, "CONFIRMED", "教育局撤并文件属实");
        assertThat(exit).hasNotPassed("SubmitStatement").isWaitingAt("LeadingGroupDecision");
        Mail notice = mailTo(unit.contactEmail(), "退出程序告知");
        assertThat(mailsTo(unit.contactEmail())).hasSize(1);
        assertThat(notice.text()).contains("单位撤销或合并", "不设陈述申辩环节").doesNotContain("陈述和申辩意见");

        decide(exit, Map.of("exitDecision", "RECTIFY", "decisionComment", "并入后的学校继续承担创建工作，限期整改"));
        assertThat(exit).isEnded().hasPassed("OrderRectification", "RectificationOrdered");
        assertThat(outcome(exit)).isEqualTo("RECTIFY");
        // The hand-over: bpmn/reinspection.bpmn skips its self-inspection and waits for the unit's rectification report.
        ProcessInstance reinspection = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReinspectionStart.PROCESS_KEY).variableValueEquals("designationId", id).singleResult();
        // Its first step keys every re-inspection by the designation, over the key the exit starts it with.
        assertThat(reinspection.getBusinessKey()).isEqualTo("designation/" + id);
        assertThat(reinspection).isWaitingAt("RectificationReport").hasNotPassed("SelfInspection")
                .variables().containsEntry("rectificationOrdered", true).containsEntry("reinspectionTrigger", "EXIT_DECISION");
        assertThat(task(reinspection, "RectificationReport").getAssignee()).isEqualTo(unit.contactUser());
        assertThat(status(id)).isEqualTo(DesignationStatus.RECTIFYING);
        assertThat(procedures.running(id)).get().satisfies(p -> {
            assertThat(p.kind()).isEqualTo("REINSPECTION");
            assertThat(p.processInstanceId()).isEqualTo(reinspection.getId());
        });
        assertThat(mailTo(unit.contactEmail(), "责令整改通知").text()).contains("责令", "限期整改", "并入后的学校");
    }

    @Test
    void groundsNotConfirmedRestoreTheTitleWithoutTellingTheUnit() {
        long id = named(unit);
        ProcessInstance exit = start("commission1", id, "FRAUD", "群众来信反映材料不实");
        verify(exit, "NOT_CONFIRMED", "经核查，来信反映的问题不属实");
        assertThat(exit).isEnded().hasPassed("CloseNotConfirmed", "GroundsNotConfirmed");
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(lastEvent(id).reason()).contains("不成立", "不属实");
        assertThat(outcome(exit)).isEqualTo("NOT_CONFIRMED");
        assertThat(mailsTo(unit.contactEmail())).isEmpty();
    }

    @Test
    void aFailedReinspectionStartsTheExitAsTheSystemInItsOwnTransaction() {
        long id = named(unit);
        String reinspection = "reinspection-" + id;
        registry.openProcedure(id, "REINSPECTION", DesignationStatus.UNDER_REINSPECTION, "system", "复核复检", reinspection);
        ProcessInstance exit = new TransactionTemplate(transactions).execute(tx -> {
            registry.closeProcedure(reinspection, "FAILED");
            return engine.getRuntimeService().startProcessInstanceByKey("exit", Map.of("designationId", id,
                    "exitGrounds", "REINSPECTION_FAILED", "exitGroundsDetail", "实地复核得分82分，低于合格线"));
        });
        assertThat(exit).isWaitingAt("VerifyGrounds").variables().containsEntry("exitStartedBy", "system")
                .containsEntry("exitGroundsLabel", "复核复检不合格").containsEntry("unitContact", unit.contactUser());
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(lastEvent(id).fromStatus()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);

        // Claimed by a person outside a re-inspection's closing step, the ground is refused.
        long other = named(fixture.newUnit("150525"));
        assertThatThrownBy(() -> start("commission1", other, "REINSPECTION_FAILED", "伪造的复检结论"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("只能由复核复检流程");
        assertThat(status(other)).isEqualTo(DesignationStatus.NAMED);
    }

    /**
     * Grounds the platform raises are the platform's: a person (even over REST's submit-form) is refused on
     * each, with nothing started; the start form offers exactly the grounds people raise.
     */
    @Test
    void nobodyStartsAnExitOnAGroundOnlyThePlatformRaises() {
        List<ExitGrounds> system = java.util.Arrays.stream(ExitGrounds.values()).filter(g -> !g.byPeople()).toList();
        assertThat(system).containsExactlyInAnyOrder(ExitGrounds.REINSPECTION_FAILED, ExitGrounds.SECOND_CHECK_FAILED,
                ExitGrounds.ANNUAL_REVIEW_FAILED_TWICE);
        long id = named(unit);
        for (ExitGrounds grounds : system) {
            for (String user : List.of("commission1", "admin")) {
                assertThatThrownBy(() -> start(user, id, grounds.name(), "冒充平台提出的事由"))
                        .as(grounds + " by " + user).isInstanceOf(RuleViolation.class)
                        .hasMessageContaining("「" + grounds.label() + "」只能由").hasMessageContaining("不能手工发起");
            }
            RestClient.Response r = rest.post("commission1", "demo", "/engine-rest/process-definition/key/exit/submit-form",
                    RestClient.variables(Map.of("designationId", id, "exitGrounds", grounds.name(), "exitGroundsDetail", "冒充")));
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.body().get("message").asText()).contains("不能手工发起");
        }
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(procedures.running(id)).isEmpty();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("exit")
                .variableValueEquals("designationId", id).count()).isZero();
    }

    // ---------------------------------------------------------------- veto events

    @Test
    void aVetoEventDuringTheNominationDeclinesTheApplication() {
        ProcessInstance nomination = fixture.apply(unit, fixture.openBannerCampaign(30));
        long id = (Long) engine.getRuntimeService().getVariable(nomination.getId(), "designationId");
        RestClient.Response r = veto("commission1", id, "申报期间发生涉及民族因素的群体性事件");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("result").asText()).isEqualTo("APPLICATION_DECLINED");
        assertThat(r.body().get("endedProcessInstanceIds").get(0).asText()).isEqualTo(nomination.getId());
        // The exit instance records the report and ends at once: there is no title to revoke.
        String exit = r.body().get("exitProcessInstanceId").asText();
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(exit).singleResult()
                .getEndActivityId()).isEqualTo("ApplicationEndedByVeto");
        assertThat(nomination).isEnded().hasPassed("DeclineAfterVeto", "VetoDeclined").hasNotPassed("CommissionReview");
        assertThat(status(id)).isEqualTo(DesignationStatus.DECLINED);
        assertThat(lastEvent(id).reason()).startsWith("一票否决：").contains("群体性事件");
        assertThat(lastEvent(id).actor()).isEqualTo("commission1");
        assertThat(procedures.running(id)).isEmpty();
        assertThat(mailsTo(unit.contactEmail())).hasSize(1);
        Mail mail = mailTo(unit.contactEmail(), "申报终止（一票否决）");
        assertThat(mail.text()).contains("一票否决：", "群体性事件");
    }

    @Test
    void aVetoEventDuringAReinspectionEndsItAndStartsTheExit() {
        long id = named(unit);
        ProcessInstance reinspection = startReinspection(id);
        assertThat(reinspection).isWaitingAt("SelfInspection");
        assertThat(status(id)).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        RestClient.Response r = veto("supervisor1", id, "单位领导班子成员严重违法被查处");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("result").asText()).isEqualTo("EXIT_STARTED");
        assertThat(r.body().get("endedProcessInstanceIds").get(0).asText()).isEqualTo(reinspection.getId());
        assertThat(reinspection).isEnded().hasPassed("CloseOnVeto");
        ProcessInstance exit = instance(r.body().get("exitProcessInstanceId").asText());
        assertThat(exit).isWaitingAt("VerifyGrounds").variables().containsEntry("exitStartedBy", "supervisor1")
                .containsEntry("exitGrounds", "VETO_EVENT");
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(lastEvent(id).fromStatus()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        assertThat(jdbc.sql("SELECT outcome FROM registry.dynamic_procedure WHERE process_instance_id = ?")
                .param(reinspection.getId()).query(String.class).single()).isEqualTo("VETO");
        assertThat(procedures.running(id)).get().extracting(p -> p.processInstanceId()).isEqualTo(exit.getId());
    }

    @Test
    void aVetoEventOnAQuietTitleStartsTheExitAndASecondOneIsRefusedWhileItRuns() {
        long id = named(unit);
        RestClient.Response r = veto("commission1", id, "单位发生涉及民族因素的群体性事件");
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.body().get("endedProcessInstanceIds")).isEmpty();
        ProcessInstance exit = instance(r.body().get("exitProcessInstanceId").asText());
        assertThat(exit).isWaitingAt("VerifyGrounds").variables().containsEntry("exitGroundsDetail",
                TestClock.today().minusDays(2) + " 单位发生涉及民族因素的群体性事件");
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(lastEvent(id).actor()).isEqualTo("commission1");

        RestClient.Response again = veto("commission1", id, "又一起事件");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().get("message").asText()).contains("已在退出程序中");
        assertThat(exitCount(id)).isEqualTo(1);
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void theVetoApiRefusesOtherRolesRegionsAndBadInputChangingNothing() {
        long id = named(unit);
        List<DesignationEvent> before = designations.events(id);
        RestClient.Response prelim = veto("prelim1", id, "事件");
        assertThat(prelim.status()).isEqualTo(403);
        assertThat(prelim.body().get("message").asText()).contains("无权报告该单位的一票否决事件");
        // Another region's title is answered like a missing one (no existence oracle).
        RestClient.Response foreign = veto(FOREIGN_COMMISSION, id, "事件");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().get("message").asText()).isEqualTo("找不到编号为 " + id + " 的命名记录");
        RestClient.Response missing = veto("commission1", 999_999_999L, "事件");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body().get("message").asText()).contains("找不到");
        RestClient.Response blank = rest.post("commission1", "demo", "/api/designations/" + id + "/veto-events",
                Map.of("description", " ", "occurredOn", TestClock.today().toString()));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.body().get("message").asText()).contains("须写明事件经过");
        RestClient.Response future = rest.post("commission1", "demo", "/api/designations/" + id + "/veto-events",
                Map.of("description", "事件", "occurredOn", TestClock.today().plusDays(1).toString()));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.body().get("message").asText()).contains("不能晚于今天");
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(designations.events(id)).isEqualTo(before);
        assertThat(exitCount(id)).isZero();
    }

    @Test
    void theTasklistStartRefusesWrongRolesRegionsTitlesNotHeldAndRunningProcedures() {
        long id = named(unit);
        assertThatThrownBy(() -> start("prelim1", id, "FRAUD", "材料不实")).isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> start(FOREIGN_COMMISSION, id, "FRAUD", "材料不实"))
                .satisfiesAnyOf(e -> assertThat(e).isInstanceOf(AuthorizationException.class),
                        e -> assertThat(e).isInstanceOf(RuleViolation.class).hasMessageContaining("所在地区"));
        // Supervision staff of 奈曼旗 may not act on a unit of 科左后旗.
        Unit foreignUnit = fixture.newUnit("150522");
        long foreign = named(foreignUnit);
        assertThatThrownBy(() -> start("supervisor1", foreign, "FRAUD", "材料不实")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不是「" + foreignUnit.name() + "」所在地区（150522）的民委或监督检查人员");

        long running = named(fixture.newUnit("150525"));
        start("commission1", running, "FRAUD", "材料不实");
        assertThatThrownBy(() -> start("commission1", running, "DISSOLVED", "单位撤并"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("同一时间只能进行一项");

        long revoked = named(fixture.newUnit("150525"));
        registry.openProcedure(revoked, "EXIT", DesignationStatus.IN_EXIT, "system", "测试", "exit-" + revoked);
        registry.revoke(revoked, "测试〔2026〕1号", "system", "测试", "exit-" + revoked);
        registry.closeProcedure("exit-" + revoked, "REVOKED");
        assertThatThrownBy(() -> start("commission1", revoked, "FRAUD", "材料不实")).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不持有称号");
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(exitCount(id) + exitCount(foreign) + exitCount(revoked)).isZero();
    }

    @Test
    void badFormValuesOverRestAreRefusedInChineseAndChangeNothing() {
        long id = named(unit);
        String start = "/engine-rest/process-definition/key/exit/submit-form";
        RestClient.Response noDetail = rest.post("commission1", "demo", start,
                RestClient.variables(Map.of("designationId", id, "exitGrounds", "FRAUD", "exitGroundsDetail", "")));
        assertThat(noDetail.status()).isEqualTo(400);
        assertThat(noDetail.body().get("message").asText()).contains("请填写「事由说明」");
        RestClient.Response badGrounds = rest.post("commission1", "demo", start,
                RestClient.variables(Map.of("designationId", id, "exitGrounds", "DISLIKE", "exitGroundsDetail", "x")));
        assertThat(badGrounds.status()).isEqualTo(400);
        assertThat(badGrounds.body().get("message").asText()).contains("不是有效选项");
        // The designation id is read by the one rule of both lifecycles' starts (Subject.DESIGNATION_ID).
        for (Object badId : List.of("12a", -3, 0)) {
            RestClient.Response refused = rest.post("commission1", "demo", start,
                    RestClient.variables(Map.of("designationId", badId, "exitGrounds", "FRAUD", "exitGroundsDetail", "x")));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.body().get("message").asText()).contains("「命名记录编号」须为正整数编号，收到的「" + badId + "」");
        }
        RestClient.Response extra = rest.post("commission1", "demo", start, RestClient.variables(Map.of("designationId", id,
                "exitGrounds", "FRAUD", "exitGroundsDetail", "x", "exitReportedBy", "supervisor1")));
        assertThat(extra.status()).isEqualTo(400);
        assertThat(status(id)).isEqualTo(DesignationStatus.NAMED);
        assertThat(exitCount(id)).isZero();

        RestClient.Response ok = rest.post("commission1", "demo", start,
                RestClient.variables(Map.of("designationId", id, "exitGrounds", "FRAUD", "exitGroundsDetail", "材料不实")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(200);
        ProcessInstance exit = instance(ok.body().get("id").asText());
        verify(exit, "CONFIRMED", "属实");
        Task verifyAgain = task(exit, "SubmitStatement");
        assertThat(verifyAgain).isNotNull();
        fixture.complete(exit, "SubmitStatement", unit.contactUser(), Map.of("statementText", "无异议"));
        Task decision = task(exit, "LeadingGroupDecision");
        engine.getTaskService().claim(decision.getId(), "leader1");
        String path = "/engine-rest/task/" + decision.getId() + "/submit-form";
        RestClient.Response noNumber = rest.post("leader1", "demo", path, RestClient.variables(Map.of(
                "exitDecision", "REVOKE", "decisionComment", "撤销", "revocationDocumentDate", TestClock.today().toString())));
        assertThat(noNumber.status()).isEqualTo(400);
        assertThat(noNumber.body().get("message").asText()).contains("请填写「撤销命名文号」");
        RestClient.Response badDate = rest.post("leader1", "demo", path, RestClient.variables(Map.of(
                "exitDecision", "REVOKE", "decisionComment", "撤销", "revocationDocumentNumber", "奈民创办发〔2026〕13号",
                "revocationDocumentDate", "明天")));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().get("message").asText()).contains("发文日期");
        RestClient.Response badChoice = rest.post("leader1", "demo", path, RestClient.variables(Map.of(
                "exitDecision", "MAYBE", "decisionComment", "x")));
        assertThat(badChoice.status()).isEqualTo(400);
        assertThat(badChoice.body().get("message").asText()).contains("请选择「领导小组决定」");
        assertThat(exit).isWaitingAt("LeadingGroupDecision");
        assertThat(status(id)).isEqualTo(DesignationStatus.IN_EXIT);
    }

    // ---------------------------------------------------------------- helpers

    /** A banner title of the unit, named a year ago without a campaign (imported): granted by the unit's region. */
    private long named(Unit u) {
        long id = designations.insert(u.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "退出测试");
        designations.recordNaming(id, TestClock.today().minusYears(1), "奈民创办发〔2025〕" + id + "号",
                TestClock.today().plusYears(4), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, "admin", "测试：导入命名", null,
                TestClock.START.toOffsetDateTime());
        return id;
    }

    private ProcessInstance start(String user, long designationId, String grounds, String detail) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("exit")
                .latestVersion().singleResult().getId();
        Map<String, Object> values = new HashMap<>(Map.of("designationId", designationId, "exitGrounds", grounds,
                "exitGroundsDetail", detail));
        return fixture.as(user, () -> engine.getFormService().submitStartForm(definition, values));
    }

    private void verify(ProcessInstance exit, String verdict, String comment) {
        fixture.complete(exit, "VerifyGrounds", "commission1", Map.of("groundsConfirmed", verdict,
                "verificationComment", comment));
    }

    private void decide(ProcessInstance exit, Map<String, Object> values) {
        fixture.complete(exit, "LeadingGroupDecision", "leader1", values);
    }

    private RestClient.Response veto(String user, long designationId, String description) {
        return rest.post(user, user.startsWith("exit") ? "secret-" + user : "demo",
                "/api/designations/" + designationId + "/veto-events",
                Map.of("description", description, "occurredOn", TestClock.today().minusDays(2).toString()));
    }

    /** A scheduled re-inspection of the title, started by commission staff through its start form. */
    private ProcessInstance startReinspection(long designationId) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(ReinspectionStart.PROCESS_KEY).latestVersion().singleResult().getId();
        Map<String, Object> values = Map.of("designationId", designationId, "reinspectionTrigger", "SCHEDULED",
                "reinspectionReason", "命名满三年定期复核");
        return fixture.as("commission1", () -> engine.getFormService().submitStartForm(definition, values));
    }

    private ProcessInstance instance(String id) {
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private List<String> candidates(ProcessInstance instance, String key) {
        return engine.getTaskService().getIdentityLinksForTask(task(instance, key).getId()).stream()
                .filter(l -> l.getGroupId() != null).map(l -> l.getGroupId()).toList();
    }

    private void assertDueInServiceLevel(Task task) {
        assertThat(task.getDueDate()).as(task.getTaskDefinitionKey()).isCloseTo(workingDays.add(task.getCreateTime(),
                serviceLevels.daysFor(task.getTaskDefinitionKey())), 1000);
    }

    private DesignationStatus status(long id) {
        return designations.find(id).orElseThrow().status();
    }

    private DesignationEvent lastEvent(long id) {
        List<DesignationEvent> events = designations.events(id);
        return events.get(events.size() - 1);
    }

    private String outcome(ProcessInstance exit) {
        return jdbc.sql("SELECT outcome FROM registry.dynamic_procedure WHERE process_instance_id = ?")
                .param(exit.getId()).query(String.class).single();
    }

    private long exitCount(long designationId) {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("exit")
                .variableValueEquals("designationId", designationId).count();
    }

    /** The one mail to the address whose subject contains the words. */
    private static Mail mailTo(String address, String subject) {
        List<Mail> mails = mailsTo(address).stream().filter(m -> m.subject().contains(subject)).toList();
        assertThat(mails).as("mails to " + address + " about " + subject).hasSize(1);
        return mails.get(0);
    }
}
