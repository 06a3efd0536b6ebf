package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/nomination.bpmn, with the registry and the mails checked after each. */
class NominationProcessTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("nomination", 12);

    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired org.ethnicunity.platform.deadlines.WorkingDayCalendar workingDayCalendar;
    @Autowired org.ethnicunity.platform.BusinessClock clock;
    @Autowired org.ethnicunity.platform.deadlines.WorkingDays workingDays;
    @Autowired org.ethnicunity.platform.deadlines.ServiceLevelSettings serviceLevels;

    NominationFixture fixture;
    Unit unit;
    Campaign campaign;

    private static final Set<String> INSTANCES = new HashSet<>();
    private static final Set<String> DUE_DATES_CHECKED = new TreeSet<>();
    private static ProcessEngine coverageEngine;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        unit = fixture.newUnit("150525");
        campaign = fixture.openBannerCampaign(30);
        coverageEngine = engine;
    }

    /** Collects the test's instances for coverage, and checks every task's due date against its service level. */
    @AfterEach
    void collectInstancesAndCheckDueDates() {
        INSTANCES.addAll(fixture.startedInstances());
        for (String instance : fixture.startedInstances()) {
            for (var task : engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance).list()) {
                assertThat(task.getDueDate()).as(task.getTaskDefinitionKey() + " in " + instance).isCloseTo(
                        workingDays.add(task.getStartTime(), serviceLevels.daysFor(task.getTaskDefinitionKey())), 1000);
                DUE_DATES_CHECKED.add(task.getTaskDefinitionKey());
            }
        }
    }

    /**
     * The paths above together pass every flow node of the model. Writes the coverage to
     * target/process-coverage/nomination.txt and fails if a node was never reached.
     */
    @AfterAll
    static void everyFlowNodeIsCovered() throws java.io.IOException {
        if (INSTANCES.size() < 10) {
            return; // a single test was run on its own
        }
        Set<String> passed = new HashSet<>();
        for (String instance : INSTANCES) {
            coverageEngine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance).list()
                    .forEach(a -> passed.add(a.getActivityId()));
        }
        String definitionId = coverageEngine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey("nomination").latestVersion().singleResult().getId();
        BpmnModelInstance model = coverageEngine.getRepositoryService().getBpmnModelInstance(definitionId);
        Set<String> nodes = new TreeSet<>();
        model.getModelElementsByType(FlowNode.class).forEach(n -> nodes.add(n.getId()));
        Set<String> missed = new TreeSet<>(nodes);
        missed.removeAll(passed);
        java.nio.file.Path report = java.nio.file.Path.of("target/process-coverage/nomination.txt");
        java.nio.file.Files.createDirectories(report.getParent());
        java.nio.file.Files.writeString(report, "flow nodes: " + nodes.size() + ", passed: " + (nodes.size() - missed.size())
                + ", instances: " + INSTANCES.size() + "\nnot passed: " + missed + "\n");
        assertThat(missed).as("flow nodes of nomination.bpmn no test passes").isEmpty();
        Set<String> userTasks = new TreeSet<>();
        model.getModelElementsByType(org.camunda.bpm.model.bpmn.instance.UserTask.class).forEach(t -> userTasks.add(t.getId()));
        assertThat(DUE_DATES_CHECKED).as("user tasks whose due date the tests checked").isEqualTo(userTasks);
    }

    @Test
    void goodApplicationIsNamedAfterNoticeWithDocumentNumberExpiryAndMail() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        assertThat(instance).isWaitingAt("PreliminaryReview");
        assertThat(designation(instance).status()).isEqualTo(DesignationStatus.APPLYING);

        fixture.throughAssessment(instance, 19, 23, 18, 14, 13, 24);
        assertThat(instance).isWaitingAt("LeadingGroupApproval").variables()
                .containsEntry("siteTotal", 111.0).containsEntry("siteGrade", "优秀").containsEntry("sitePassed", true);

        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "同意");
        assertThat(instance).isWaitingAt("NoticePeriodOver");
        assertThat(designation(instance).status()).isEqualTo(DesignationStatus.IN_NOTICE);

        execute(job());
        assertThat(instance).isWaitingAt("AwaitNaming");
        fixture.nameBatch(campaign, "奈民创办发〔2026〕5号");

        assertThat(instance).isEnded().hasPassed("AwaitNaming", "NameUnit").variables().containsEntry("outcome", "NAMED");
        Designation named = designation(instance);
        assertThat(named.status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(named.documentNumber()).isEqualTo("奈民创办发〔2026〕5号");
        assertThat(named.namedDate()).isEqualTo(NominationFixture.today());
        assertThat(named.expiryDate()).isEqualTo(named.namedDate().plusYears(5));
        assertThat(named.recommended()).isFalse();
        assertThat(designations.events(named.id())).extracting(DesignationEvent::toStatus).containsExactly(
                DesignationStatus.APPLYING, DesignationStatus.UNDER_REVIEW, DesignationStatus.IN_NOTICE, DesignationStatus.NAMED);
        assertThat(designations.events(named.id())).extracting(DesignationEvent::actor)
                .containsExactly(unit.contactUser(), "prelim1", "leader1", "commission1");


        List<Mail> mails = mailsTo(unit.contactEmail());
        assertThat(mails).hasSize(1);
        assertThat(mails.get(0).subject()).isEqualTo("【民族团结进步创建】命名通知：" + unit.name());
        // Recommendation to the next level is a step of its own now (推荐上报, RecommendationTest).
        assertThat(mails.get(0).text()).contains("奈民创办发〔2026〕5号", "有效期至：" + named.expiryDate(),
                "/registry/designations/" + named.id()).doesNotContain("推荐参加上一级");
        assertThat(mails.get(0).html()).contains("奈民创办发〔2026〕5号", named.expiryDate().toString());
    }

    @Test
    void returnedAtPreliminaryReviewGoesBackThereAfterResubmission() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "RETURN", "prelimComment", "缺少活动台账");

        assertThat(instance).isWaitingAt("SubmitMoreMaterial").task().isAssignedTo(unit.contactUser());
        assertThat(instance).variables().containsEntry("returnReason", "缺少活动台账")
                .containsEntry("returnedFrom", "PreliminaryReview").doesNotContainKey("prelimDecision");
        // One mail: the model's assigning the task to the contact sends no separate assignment notice.
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】申报材料退回补充：" + unit.name());
        Mail mail = mailsTo(unit.contactEmail()).get(0);
        String taskId = fixture.openTask(instance, "SubmitMoreMaterial", unit.contactUser()).getId();
        assertThat(mail.text()).contains("属地初审", "缺少活动台账", "/camunda/app/tasklist/default/#/?task=" + taskId);

        Map<String, Object> resubmission = new java.util.HashMap<>(NominationFixture.GOOD_SCORES);
        resubmission.put("creationSummary", "补充了活动台账。");
        resubmission.put("resubmissionNote", "已按意见补充台账");
        fixture.complete(instance, "SubmitMoreMaterial", unit.contactUser(), resubmission);

        assertThat(instance).isWaitingAt("PreliminaryReview");
        assertThat(designation(instance).status()).isEqualTo(DesignationStatus.APPLYING);
    }

    @Test
    void returnedAtCommissionReviewGoesBackToTheCommission() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "RETURN", "commissionComment",
                "请补充获奖材料");
        assertThat(instance).isWaitingAt("SubmitMoreMaterial");

        Map<String, Object> resubmission = new java.util.HashMap<>(NominationFixture.GOOD_SCORES);
        resubmission.put("creationSummary", "补充获奖材料。");
        resubmission.put("resubmissionNote", "已补充");
        fixture.complete(instance, "SubmitMoreMaterial", unit.contactUser(), resubmission);

        assertThat(instance).isWaitingAt("CommissionReview").hasPassed("ReturnAtCommission").hasNotPassed("ReturnAtPrelim");
        assertThat(designation(instance).status()).isEqualTo(DesignationStatus.UNDER_REVIEW);
    }

    @Test
    void declinedAtPreliminaryReview() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "DECLINE", "prelimComment", "创建工作开展不足一年");
        assertDeclined(instance, "DeclineAtPrelim", "属地初审", "创建工作开展不足一年");
    }

    @Test
    void declinedAtCommissionReview() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "DECLINE", "commissionComment", "材料不实");
        assertDeclined(instance, "DeclineAtCommission", "民委材料审核", "材料不实");
    }

    @Test
    void declinedWhenTheSiteScoreIsBelowThePassLine() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 15, 20, 15, 12, 12, 20);
        assertThat(instance).variables().containsEntry("siteTotal", 94.0).containsEntry("siteGrade", "不合格");
        assertDeclined(instance, "DeclineAtAssessment", "实地测评", "平均总分 94.0 分，合格线 100 分");
    }

    @Test
    void aVetoFailsTheAssessmentWhateverTheScore() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "PASS", "commissionComment", "");
        Map<String, Object> top = NominationFixture.scores("siteScore_", 20, 25, 20, 15, 15, 25);
        fixture.assess(instance, "assessor1", top);
        fixture.assess(instance, "assessor2", top, "massIncident");
        assertThat(instance).variables().containsEntry("siteTotal", 120.0).containsEntry("vetoed", true)
                .containsEntry("siteGrade", "不合格（一票否决）");
        assertDeclined(instance, "DeclineAtAssessment", "实地测评", "发生涉及民族因素的群体性事件");
    }

    @Test
    void declinedByTheLeadingGroup() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "DECLINE", "approvalComment",
                "本年度名额优先安排基层单位");
        assertDeclined(instance, "DeclineAtApproval", "领导小组审批", "本年度名额优先安排基层单位");
    }

    @Test
    void approvalBeyondTheQuotaIsRefusedAndTheLeadingGroupMustDecline() {
        Campaign small = fixture.openBannerCampaign(1);
        ProcessInstance first = fixture.apply(unit, small);
        fixture.throughAssessment(first, 18, 22, 18, 14, 13, 22);
        fixture.review(first, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");

        ProcessInstance second = fixture.apply(fixture.newUnit("150525"), small);
        fixture.throughAssessment(second, 18, 22, 18, 14, 13, 22);
        assertThatThrownBy(() -> fixture.review(second, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE",
                "approvalComment", "")).isInstanceOf(RuleViolation.class).hasMessageContaining("名额已满（已批准 1 个，名额 1 个）");
        assertThat(second).isWaitingAt("LeadingGroupApproval");
        assertThat(designation(second).status()).isEqualTo(DesignationStatus.UNDER_REVIEW);

        fixture.review(second, "LeadingGroupApproval", "leader1", "approvalDecision", "DECLINE", "approvalComment", "名额已满");
        assertThat(second).isEnded().hasPassed("DeclineAtApproval");
    }

    @Test
    void anUpheldObjectionDeclinesTheApplication() {
        ProcessInstance instance = inNotice();
        ObjectionMessage.correlate(engine.getRuntimeService(), instance.getId(), "张三", "13800000000", "该单位活动台账造假", "commission1");
        assertThat(instance).isWaitingAt("VerifyObjection", "NoticePeriodOver");
        fixture.review(instance, "VerifyObjection", "commission1", "objectionUpheld", "UPHELD", "objectionReply", "经核实，台账部分造假");
        assertDeclined(instance, "DeclineAfterObjection", "公示异议核实", "经核实，台账部分造假");
    }

    @Test
    void aRejectedObjectionIsAnsweredAndNamingWaitsForIt() {
        ProcessInstance instance = inNotice();
        ObjectionMessage.correlate(engine.getRuntimeService(), instance.getId(), "李四", "lisi@example.test", "怀疑得分偏高", "commission1");
        execute(job());
        // The notice period is over, but the open objection keeps the application from being named.
        assertThat(instance).isWaitingAt("VerifyObjection").isNotWaitingAt("AwaitNaming");
        fixture.review(instance, "VerifyObjection", "commission1", "objectionUpheld", "REJECTED", "objectionReply", "得分有据，异议不成立");
        assertThat(instance).hasPassed("ObjectionAnswered").isWaitingAt("AwaitNaming");
    }

    @Test
    void anAssessorScoresAnApplicationOnlyOnce() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "PASS", "commissionComment", "");
        Map<String, Object> scores = NominationFixture.scores("siteScore_", 18, 22, 18, 14, 13, 22);
        fixture.assess(instance, "assessor1", scores);
        assertThatThrownBy(() -> fixture.assess(instance, "assessor1", scores)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining("已为本申报提交过测评分数");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("SiteAssessment").count()).isEqualTo(1);
    }

    @Test
    void dueDatesAndTheNoticePeriodCountOfficialWorkingDays() {
        // Wednesday 2026-09-30, 10:00 in Inner Mongolia; 10-01..07 National Day, Saturday 10-10 a working day.
        java.time.ZonedDateTime start = java.time.ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, java.time.ZoneId.of("Asia/Shanghai"));
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(start.toInstant()));
        try {
            Campaign autumn = fixture.newCampaign(org.ethnicunity.platform.registry.Level.BANNER, "150525", 30,
                    java.time.LocalDate.of(2026, 9, 1), java.time.LocalDate.of(2026, 10, 31));
            ProcessInstance instance = fixture.apply(unit, autumn);
            assertThat(dueDay(instance, "PreliminaryReview")).isEqualTo("2026-10-20T10:00+08:00[Asia/Shanghai]");

            fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "RETURN", "prelimComment", "补充");
            assertThat(dueDay(instance, "SubmitMoreMaterial")).isEqualTo("2026-10-27T10:00+08:00[Asia/Shanghai]");
        } finally {
            org.ethnicunity.platform.TestClock.pin();
        }
        unit = fixture.newUnit("150525");
        ProcessInstance noticed = inNotice();
        java.time.LocalDate noticeEnd = engine.getManagementService().createJobQuery().processInstanceId(noticed.getId())
                .singleResult().getDuedate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
        assertThat(workingDayCalendar.workingDaysBetween(clock.today(), noticeEnd)).isEqualTo(5);
    }

    private String dueDay(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult().getDueDate().toInstant().atZone(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    private ProcessInstance inNotice() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        assertThat(instance).isWaitingAt("NoticePeriodOver");
        return instance;
    }

    private void assertDeclined(ProcessInstance instance, String declineTask, String stageLabel, String reason) {
        assertThat(instance).isEnded().hasPassed(declineTask).variables().containsEntry("outcome", "DECLINED");
        Designation declined = designation(instance);
        assertThat(declined.status()).isEqualTo(DesignationStatus.DECLINED);
        DesignationEvent last = designations.events(declined.id()).get(designations.events(declined.id()).size() - 1);
        assertThat(last.toStatus()).isEqualTo(DesignationStatus.DECLINED);
        assertThat(last.reason()).startsWith(stageLabel).contains(reason.substring(0, 4));
        assertThat(last.processInstanceId()).isEqualTo(instance.getId());
        List<Mail> mails = mailsTo(unit.contactEmail());
        assertThat(mails).extracting(Mail::subject).containsExactly("【民族团结进步创建】申报未通过：" + unit.name());
        assertThat(mails.get(0).text()).contains(stageLabel, reason, "/registry/designations/" + declined.id());
    }

    /** A veto event (reported through the exit process, see ExitProcessTest) ends a running application. */
    @Test
    void aVetoEventDuringTheApplicationDeclinesIt() {
        ProcessInstance instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "材料齐全");
        engine.getRuntimeService().createMessageCorrelation("vetoEvent").processInstanceId(instance.getId())
                .setVariable("vetoReason", "申报期间发生涉及民族因素的群体性事件").correlate();
        assertThat(instance).isEnded().hasPassed("DeclineAfterVeto", "VetoDeclined").hasNotPassed("SiteAssessment");
        Designation declined = designation(instance);
        assertThat(declined.status()).isEqualTo(DesignationStatus.DECLINED);
        assertThat(designations.events(declined.id())).last().extracting(DesignationEvent::reason)
                .isEqualTo("一票否决：申报期间发生涉及民族因素的群体性事件");
    }

    private Designation designation(ProcessInstance instance) {
        Object id = engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName("designationId").singleResult().getValue();
        return designations.find(((Number) id).longValue()).orElseThrow();
    }


}
