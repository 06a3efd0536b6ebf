package org.ethnicunity.platform.annualreview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.deadlines.ServiceLevelSettings;
import org.ethnicunity.platform.deadlines.WorkingDayCalendar;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.DynamicProcedures;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every path of bpmn/annual-review.bpmn on the real engine, with the registry (annual_review, the
 * designation, the procedures) and the mails checked after each: the grades, the failing year's
 * re-inspection, the second failing year's exit, a procedure already running, a missing report after
 * the reminders and the final deadline, the return for more material, a title that ends during the
 * review; refusals over REST; due dates; who sees which task.
 */
class AnnualReviewProcessTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("annual-review", 12);

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired DynamicProcedures procedures;
    @Autowired RegistryService registry;
    @Autowired AnnualReviews reviews;
    @Autowired AnnualReviewLaunch launch;
    @Autowired WorkingDays workingDays;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ServiceLevelSettings serviceLevels;
    @Autowired JdbcClient jdbc;

    NominationFixture people;
    AnnualReviewFixture fixture;
    Unit unit;
    long designation;

    @BeforeEach
    void setUp() {
        people = new NominationFixture(engine, units, campaigns, indicatorSets);
        fixture = new AnnualReviewFixture(engine, people, designations, jdbc, launch);
        unit = people.newUnit("150525");
        designation = fixture.namedDesignation(unit);
    }

    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    // ---------------------------------------------------------------- graded

    @Test
    void anExcellentReportIsGradedRecordedAndTheUnitTold() {
        ProcessInstance instance = fixture.start(designation, unit);

        assertThat(instance).isWaitingAt("SubmitAnnualReport").task().isAssignedTo(unit.contactUser())
                .hasName("提交年度创建工作报告：" + unit.name() + "（旗县级）");
        assertThat(instance.getBusinessKey()).isEqualTo("launch-9001:designation:" + designation);
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.OPEN);
        assertThat(jdbc.sql("SELECT launch_id FROM registry.annual_review WHERE process_instance_id = ?")
                .param(instance.getId()).query(Long.class).single()).isEqualTo(AnnualReviewFixture.LAUNCH_ID);
        Task report = task(instance, "SubmitAnnualReport");
        assertThat(report.getDueDate().toInstant()).isEqualTo(endOf(fixture.reportDue));
        Mail notice = single(fixture.year + "年度评估通知：" + unit.name());
        assertThat(notice.text()).contains("报告截止日期：" + fixture.reportDue, "最终期限：" + fixture.finalDeadline,
                "请如实总结本年度创建工作。", "#/?task=" + report.getId(), "/registry/designations/" + designation);
        assertThat(notice.html()).contains(unit.name(), fixture.reportDue.toString());
        // The unit reads of its task's variables only what the report form shows.
        assertThat(org.ethnicunity.platform.UnitTaskReads.assertSeesOnlyItsForm(engine, new RestClient(port), report,
                unit.contactUser(), people.passwordOf(unit), "launchedBy")).isPositive();
        org.ethnicunity.platform.HostileInputTest.attackTask(engine, people, new RestClient(port), instance, "SubmitAnnualReport",
                unit.contactUser(), people.passwordOf(unit));

        fixture.submitReport(instance, unit);
        assertThat(instance).isWaitingAt("AnnualReviewGrading").hasPassed("RecordAnnualReport").variables()
                .containsEntry("selfTotal", 106.0);
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.SUBMITTED);
        assertThat(jdbc.sql("SELECT self_total FROM registry.annual_review WHERE process_instance_id = ?")
                .param(instance.getId()).query(Double.class).single()).isEqualTo(106.0);
        Task grading = task(instance, "AnnualReviewGrading");
        assertThat(grading.getName()).isEqualTo("年度评估评分：" + unit.name() + "（旗县级）");
        assertThat(grading.getAssignee()).isNull();
        assertThat(engine.getTaskService().getIdentityLinksForTask(grading.getId())).extracting(l -> l.getGroupId())
                .containsExactly("commission-150525");
        assertThat(grading.getDueDate()).isCloseTo(workingDays.add(grading.getCreateTime(),
                serviceLevels.daysFor("AnnualReviewGrading")), 1000);
        assertThat(serviceLevels.daysFor("AnnualReviewGrading")).isEqualTo(10);
        org.ethnicunity.platform.HostileInputTest.attackTask(engine, people, new RestClient(port), instance, "AnnualReviewGrading",
                "commission1", "demo");

        fixture.grade(instance, "commission1", AnnualReviewFixture.EXCELLENT, "台账完备，活动扎实。");

        assertThat(instance).isEnded().hasPassed("GradeAnnualReview", "RecordAnnualGrade", "NotifyAnnualResult",
                "AnnualReviewDone").hasNotPassed("HandFailedReview")
                .variables().containsEntry("gradeCode", "EXCELLENT").containsEntry("scorePercent", 92.5);
        AnnualReviews.Review graded = review();
        assertThat(graded.status()).isEqualTo(AnnualReviewStatus.GRADED);
        assertThat(graded.grade()).isEqualTo("EXCELLENT");
        assertThat(graded.score()).isEqualByComparingTo("111");
        assertThat(graded.failed()).isFalse();
        assertThat(jdbc.sql("SELECT graded_by FROM registry.annual_review WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single()).isEqualTo("commission1");
        Mail result = single(fixture.year + "年度评估结果：优秀：" + unit.name());
        assertThat(result.text()).contains("年度评估结果为：优秀", "评审得分：111.0 分（得分率 92.5%）", "台账完备，活动扎实。")
                .doesNotContain("复核复检，请留意");
        assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
        assertThat(reinspections()).isZero();
    }

    @Test
    void passAndBasicPassAreRecordedAndStartNothing() {
        Unit second = people.newUnit("150525");
        long other = fixture.namedDesignation(second);
        ProcessInstance pass = fixture.start(designation, unit);
        ProcessInstance basic = fixture.start(other, second);
        fixture.submitReport(pass, unit);
        fixture.submitReport(basic, second);
        fixture.grade(pass, "commission1", AnnualReviewFixture.PASS, "基本达到要求。");
        fixture.grade(basic, "commission1", AnnualReviewFixture.BASIC_PASS, "部分活动流于形式。");

        assertThat(pass).isEnded().variables().containsEntry("grade", "PASS").containsEntry("gradeLabel", "合格");
        assertThat(basic).isEnded().variables().containsEntry("grade", "BASIC_PASS").containsEntry("scorePercent", 65.0);
        assertThat(review().grade()).isEqualTo("PASS");
        assertThat(reviews.find(other, fixture.year).orElseThrow().grade()).isEqualTo("BASIC_PASS");
        assertThat(single(fixture.year + "年度评估结果：合格：" + unit.name()).text()).contains("基本达到要求。");
        assertThat(mailsTo(second.contactEmail())).extracting(Mail::subject)
                .contains("【民族团结进步创建】" + fixture.year + "年度评估结果：基本合格：" + second.name());
        assertThat(reinspections()).isZero();
        assertThat(procedures.running(other)).isEmpty();
    }

    // ---------------------------------------------------------------- failing years

    @Test
    void aFailingReportStartsAReinspectionByThePlatform() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        fixture.grade(instance, "commission1", AnnualReviewFixture.FAIL, "创建工作基本停滞。");

        assertThat(instance).isEnded().hasPassed("HandFailedReview", "NotifyAnnualResult")
                .variables().containsEntry("followUp", "REINSPECTION");
        ProcessInstance reinspection = followUp("reinspection");
        assertThat(reinspection).isWaitingAt("SelfInspection").variables()
                .containsEntry("reinspectionTrigger", "ANNUAL_REVIEW_FAILED")
                .containsEntry("reinspectionReason", fixture.year + "年度评估不合格")
                .containsEntry("annualReviewInstanceId", instance.getId());
        assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.UNDER_REINSPECTION);
        // Started by the platform, not as the reviewer (who may not start it for this trigger).
        assertThat(designations.events(designation)).last().extracting(e -> e.actor()).isEqualTo("system");
        AnnualReviews.Review failed = review();
        assertThat(failed.grade()).isEqualTo("FAIL");
        assertThat(failed.failed()).isTrue();
        assertThat(failed.followUp()).isEqualTo("REINSPECTION");
        assertThat(failed.followUpProcessInstanceId()).isEqualTo(reinspection.getId());
        assertThat(failed.note()).contains("已启动复核复检（流程 " + reinspection.getId() + "）");
        assertThat(single(fixture.year + "年度评估结果：不合格：" + unit.name()).text())
                .contains("创建工作基本停滞。", "评审得分：60.0 分（得分率 50.0%）", "将对贵单位的称号进行复核复检");
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject).contains("【民族团结进步创建】复核复检通知：" + unit.name());
    }

    @Test
    void aVetoFailsAGoodScore() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        fixture.grade(instance, "commission1", AnnualReviewFixture.EXCELLENT, "年内发生群体性事件。", "massIncident");

        assertThat(instance).isEnded().variables().containsEntry("gradeCode", "FAIL").containsEntry("vetoed", true);
        assertThat(review().grade()).isEqualTo("FAIL");
        assertThat(jdbc.sql("SELECT vetoes::text FROM registry.annual_review WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single()).contains("massIncident");
        assertThat(single(fixture.year + "年度评估结果：不合格：" + unit.name()).text())
                .contains("一票否决项：发生涉及民族因素的群体性事件");
        assertThat(followUp("reinspection")).isNotNull();
    }

    @Test
    void aSecondFailingYearInARowStartsTheExit() {
        // Last year's review failed (no report), its re-inspection is over.
        jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, process_instance_id, status, opened_at)
                VALUES (?, ?, 'earlier-instance', 'NOT_SUBMITTED', now())""")
                .params(designation, fixture.year - 1).update();
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        fixture.grade(instance, "commission1", AnnualReviewFixture.FAIL, "仍无实质性创建活动。");

        assertThat(instance).isEnded().variables().containsEntry("followUp", "EXIT");
        ProcessInstance exit = followUp("exit");
        assertThat(exit).isWaitingAt("VerifyGrounds").variables()
                .containsEntry("exitGrounds", "ANNUAL_REVIEW_FAILED_TWICE")
                .containsEntry("exitGroundsLabel", "连续两年年度评估不合格")
                .hasEntrySatisfying("exitGroundsDetail", d -> assertThat((String) d)
                        .contains((fixture.year - 1) + "、" + fixture.year + "连续两年年度评估不合格"));
        assertThat(designations.find(designation).orElseThrow().status()).isEqualTo(DesignationStatus.IN_EXIT);
        assertThat(procedures.running(designation)).get().extracting(DynamicProcedures.Procedure::kind).isEqualTo("EXIT");
        assertThat(reinspections()).isZero();
        assertThat(review().followUp()).isEqualTo("EXIT");
        assertThat(single(fixture.year + "年度评估结果：不合格：" + unit.name()).text()).contains("转入退出程序");
    }

    @Test
    void aProcedureAlreadyRunningStartsNothingElseTheCommissionIsTold() {
        // Last year: no report, hence a re-inspection, which still runs when this year's review fails.
        fixture.year = TestClock.today().getYear() - 1;
        ProcessInstance lastYear = fixture.start(designation, unit);
        timer(lastYear).ifPresent(job -> engine.getManagementService().executeJob(job.getId()));
        assertThat(lastYear).isEnded().hasPassed("RecordReportMissing");
        ProcessInstance reinspection = followUp("reinspection");

        fixture.year = TestClock.today().getYear();
        // This year's launch selected the titles under re-inspection too.
        ProcessInstance instance = fixture.start(designation, fixture.payload(designation, "150525", "UNDER_REINSPECTION"));
        fixture.submitReport(instance, unit);
        fixture.grade(instance, "commission1", AnnualReviewFixture.FAIL, "整改不力。");

        assertThat(instance).isEnded().variables().containsEntry("followUp", "ALREADY_RUNNING");
        assertThat(reinspections()).isEqualTo(1);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey("exit")
                .variableValueEquals("designationId", designation).count()).isZero();
        assertThat(procedures.running(designation)).get().extracting(DynamicProcedures.Procedure::processInstanceId)
                .isEqualTo(reinspection.getId());
        AnnualReviews.Review review = review();
        assertThat(review.followUp()).isEqualTo("ALREADY_RUNNING");
        assertThat(review.followUpProcessInstanceId()).isNull();
        assertThat(review.note()).contains("该称号已有正在进行的复核复检（流程 " + reinspection.getId() + "），未另行启动");
        List<Mail> commission = mailsTo("commission1@demo.example").stream()
                .filter(m -> m.subject().contains("未另行启动复核复检")).toList();
        assertThat(commission).hasSize(1);
        assertThat(commission.get(0).text()).contains(unit.name(), "复核复检（流程 " + reinspection.getId() + "）", "整改不力。");
        assertThat(single(fixture.year + "年度评估结果：不合格：" + unit.name()).text()).contains("正在复核复检或退出程序中");
    }

    /** A title that ended behind the review's back (its model lacked the event sub-process): nothing is started. */
    @Test
    void aFailingYearOfATitleNoLongerHeldStartsNothing() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        jdbc.sql("UPDATE registry.designation SET status = 'EXPIRED' WHERE id = ?").param(designation).update();
        fixture.grade(instance, "commission1", AnnualReviewFixture.FAIL, "创建工作停滞。");

        assertThat(instance).isEnded().variables().containsEntry("followUp", "NONE");
        assertThat(review().note()).isEqualTo(fixture.year + "年度评估不合格；称号状态为「期满」，不再启动复核复检");
        assertThat(reinspections()).isZero();
        assertThat(procedures.running(designation)).isEmpty();
        assertThat(single(fixture.year + "年度评估结果：不合格：" + unit.name()).text()).doesNotContain("复核复检，请留意");
    }

    // ---------------------------------------------------------------- deadlines

    @Test
    void remindersThenTheFinalDeadlineRecordTheReportAsMissing() {
        LocalDate today = TestClock.today();
        fixture.reportDue = calendar.addWorkingDays(today, 8);
        fixture.finalDeadline = calendar.addWorkingDays(today, 14);
        ProcessInstance instance = fixture.start(designation, unit);
        Job deadline = timer(instance).orElseThrow();
        assertThat(deadline.getDuedate().toInstant()).isEqualTo(endOf(fixture.finalDeadline));

        at(calendar.addWorkingDays(today, 7));
        runReminderSweep();
        List<Mail> digests = digests();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).text()).contains("年度评估", "提交年度创建工作报告：" + unit.name(),
                "期限 " + fixture.reportDue + " 23:59", "还有 1 个工作日到期");

        at(calendar.addWorkingDays(today, 10));
        runReminderSweep();
        assertThat(digests()).hasSize(2);
        assertThat(digests().get(1).text()).contains("提交年度创建工作报告：" + unit.name(), "已逾期 2 个工作日");
        assertThat(instance).isWaitingAt("SubmitAnnualReport");

        ClockUtil.setCurrentTime(Date.from(endOf(fixture.finalDeadline).plusSeconds(120)));
        engine.getManagementService().executeJob(deadline.getId());

        assertThat(instance).isEnded().hasPassed("FinalDeadlinePassed", "RecordReportMissing", "HandFailedReview",
                "NotifyAnnualResult").hasNotPassed("RecordAnnualReport");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.NOT_SUBMITTED);
        assertThat(review().failed()).isTrue();
        assertThat(followUp("reinspection")).variables().containsEntry("reinspectionTrigger", "ANNUAL_REVIEW_FAILED");
        assertThat(single(fixture.year + "年度评估结果：未提交（逾期未报送年度创建工作报告）：" + unit.name()).text())
                .contains("将对贵单位的称号进行复核复检").doesNotContain("评审得分");
    }

    @Test
    void aReturnedReportComesBackWithTheReasonAndIsGradedAgain() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        fixture.returnReport(instance, "commission1", "请补充宣传月活动的照片和台账。");

        assertThat(instance).isWaitingAt("ResubmitAnnualReport").hasPassed("ReturnAnnualReport")
                .variables().containsEntry("returnCount", 1).containsEntry("returnReason", "请补充宣传月活动的照片和台账。");
        Task resubmit = task(instance, "ResubmitAnnualReport");
        assertThat(resubmit.getName()).isEqualTo("补充年度创建工作报告：" + unit.name() + "（旗县级）");
        assertThat(resubmit.getAssignee()).isEqualTo(unit.contactUser());
        assertThat(resubmit.getDueDate()).isCloseTo(workingDays.add(resubmit.getCreateTime(),
                serviceLevels.daysFor("ResubmitAnnualReport")), 1000);
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.OPEN);
        assertThat(review().note()).isEqualTo("退回补充：请补充宣传月活动的照片和台账。");
        Mail returned = single(fixture.year + "年度评估：请补充材料：" + unit.name());
        assertThat(returned.text()).contains("请补充宣传月活动的照片和台账。", "#/?task=" + resubmit.getId(),
                "重新提交期限：" + resubmit.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDate());

        people.complete(instance, "ResubmitAnnualReport", unit.contactUser(), AnnualReviewFixture.report("已补充照片和台账。"));
        assertThat(instance).isWaitingAt("AnnualReviewGrading").variables().doesNotContainKey("gradingDecision");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.SUBMITTED);
        fixture.grade(instance, "commission1", AnnualReviewFixture.PASS, "补充材料齐全。");

        assertThat(instance).isEnded().variables().containsEntry("grade", "PASS");
        assertThat(jdbc.sql("SELECT returned_count || ' ' || report FROM registry.annual_review WHERE process_instance_id = ?")
                .param(instance.getId()).query(String.class).single()).isEqualTo("1 已补充照片和台账。");
        assertThat(review().note()).isNull();
    }

    @Test
    void aReturnedReportNotSentAgainInTimeCountsAsMissing() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        fixture.returnReport(instance, "commission1", "报告内容与本单位无关。");
        Job window = timer(instance).orElseThrow();
        // Returned well before the final deadline: the unit has until then.
        assertThat(window.getDuedate().toInstant()).isEqualTo(endOf(fixture.finalDeadline));

        ClockUtil.setCurrentTime(Date.from(endOf(fixture.finalDeadline).plusSeconds(60)));
        engine.getManagementService().executeJob(window.getId());

        assertThat(instance).isEnded().hasPassed("ResubmissionWindowPassed", "RecordReportMissing", "HandFailedReview");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.NOT_SUBMITTED);
        assertThat(followUp("reinspection")).isNotNull();
    }

    @Test
    void aReportReturnedAfterTheFinalDeadlineStillGetsItsWorkingDays() {
        fixture.finalDeadline = fixture.reportDue;
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        ClockUtil.setCurrentTime(Date.from(endOf(fixture.finalDeadline).plusSeconds(3600)));
        fixture.returnReport(instance, "commission1", "请补充材料。");

        Task resubmit = task(instance, "ResubmitAnnualReport");
        LocalDate due = resubmit.getDueDate().toInstant().atZone(TestClock.ZONE).toLocalDate();
        assertThat(due).isAfter(fixture.finalDeadline);
        assertThat(timer(instance).orElseThrow().getDuedate().toInstant()).isEqualTo(endOf(due));
    }

    // ---------------------------------------------------------------- the title ends

    @Test
    void aTitleThatExpiresDuringTheReviewEndsIt() {
        ProcessInstance instance = fixture.start(designation, unit);
        registry.changeStatus(designation, DesignationStatus.EXPIRED, "system", "称号期满", null);

        assertThat(instance).isEnded().hasPassed("TitleEndedReceived", "EndAnnualReview", "EndedByTitle")
                .hasNotPassed("RecordReportMissing");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.ENDED);
        assertThat(review().note()).isEqualTo("称号期满，年度评估结束");
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(reinspections()).isZero();
    }

    @Test
    void aReviewDeletedInCockpitIsEndedNotLeftOpen() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        // Cockpit's delete with "skip custom listeners": the built-in guard still runs.
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "管理员删除", true);

        assertThat(review().status()).isEqualTo(AnnualReviewStatus.ENDED);
        assertThat(review().note()).isEqualTo("流程被终止（删除或取消），年度评估未完成");
        assertThat(reinspections()).isZero();
    }

    @Test
    void aTitleRevokedWhileTheReportAwaitsItsGradeEndsTheReview() {
        ProcessInstance instance = fixture.start(designation, unit);
        fixture.submitReport(instance, unit);
        registry.openProcedure(designation, "EXIT", DesignationStatus.IN_EXIT, "leader1", "退出程序", "exit-stand-in-" + designation);
        assertThat(instance).isWaitingAt("AnnualReviewGrading");
        people.as("leader1", () -> {
            registry.revoke(designation, "奈民创办发〔2026〕9号", "leader1", "撤销命名", "exit-stand-in-" + designation);
            return null;
        });

        assertThat(instance).isEnded().hasPassed("EndAnnualReview");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.ENDED);
        assertThat(review().note()).isEqualTo("称号已撤销，年度评估结束");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aTitleNoLongerHeldAtTheStartOrReviewedTwiceEndsCleanly() {
        ProcessInstance first = fixture.start(designation, unit);
        // A second launch of the year does not select it; a start all the same (a retried batch) adds nothing.
        assertThat(fixture.select(AnnualReviewFixture.params("150525", null, null, null, fixture.year)))
                .extracting(r -> r.get("member_key")).doesNotContain("designation:" + designation);
        ProcessInstance second = fixture.start(designation, startedPayload(first));
        assertThat(second).isEnded().hasPassed("NotOpened").variables().containsEntry("reviewStatus", "ALREADY_REVIEWED");
        assertThat(review().processInstanceId()).isEqualTo(first.getId());

        Unit other = people.newUnit("150525");
        long expired = fixture.namedDesignation(other);
        Map<String, Object> payload = fixture.payload(expired, other.regionCode());
        registry.changeStatus(expired, DesignationStatus.EXPIRED, "system", "称号期满", null);
        ProcessInstance late = fixture.start(expired, payload);
        assertThat(late).isEnded().hasPassed("NotOpened").hasNotPassed("SubmitAnnualReport");
        AnnualReviews.Review ended = reviews.find(expired, fixture.year).orElseThrow();
        assertThat(ended.status()).isEqualTo(AnnualReviewStatus.ENDED);
        assertThat(ended.note()).isEqualTo("发起时称号状态为「期满」，不再评估");
        assertThat(mailsTo(other.contactEmail())).isEmpty();
    }

    // ---------------------------------------------------------------- refusals

    @Test
    void nobodyStartsAReviewByHandNotEvenAnAdministrator() {
        RestClient rest = new RestClient(port);
        Map<String, Object> variables = new HashMap<>(fixture.payload(designation, unit.regionCode()));
        variables.putAll(fixture.launchVariables());
        Map<String, Object> body = RestClient.variables(variables);
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("annual-review").count();

        RestClient.Response commission = rest.post("commission1", "demo", "/engine-rest/process-definition/key/annual-review/start", body);
        assertThat(commission.status()).as(commission.raw()).isEqualTo(403);
        RestClient.Response admin = rest.post("admin", "demo", "/engine-rest/process-definition/key/annual-review/start", body);
        assertThat(admin.status()).as(admin.raw()).isEqualTo(400);
        assertThat(admin.body().get("message").asText()).contains("年度评估只能通过批量发起启动");
        RestClient.Response form = rest.post("admin", "demo", "/engine-rest/process-definition/key/annual-review/submit-form", body);
        assertThat(form.status()).isEqualTo(400);
        assertThatThrownBy(() -> people.as("admin", () -> fixture.start(designation, unit)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("批量发起");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("annual-review").count())
                .isEqualTo(before);
        assertThat(reviews.find(designation, fixture.year)).isEmpty();
        assertThat(mailsTo(unit.contactEmail())).isEmpty();
    }

    @Test
    void badReportsAndGradingSheetsOverRestAreRefusedInChineseAndChangeNothing() {
        RestClient rest = new RestClient(port);
        ProcessInstance instance = fixture.start(designation, unit);
        Task report = task(instance, "SubmitAnnualReport");
        String submit = "/engine-rest/task/" + report.getId() + "/submit-form";

        Map<String, Object> noText = AnnualReviewFixture.report(" ");
        assertRefused(rest.post(unit.contactUser(), people.passwordOf(unit), submit, RestClient.variables(noText)),
                "请填写「年度创建工作报告」");
        Map<String, Object> missing = AnnualReviewFixture.report("总结");
        missing.remove("selfScore_exchange");
        assertRefused(rest.post(unit.contactUser(), people.passwordOf(unit), submit, RestClient.variables(missing)),
                "请填写「促进各民族交往交流交融」的分数");
        Map<String, Object> tooHigh = AnnualReviewFixture.report("总结");
        tooHigh.put("selfScore_achievement", 30);
        assertRefused(rest.post(unit.contactUser(), people.passwordOf(unit), submit, RestClient.variables(tooHigh)),
                "「创建特色与成效」的分数 30 超出范围，应在 0 到 25 分之间");
        Map<String, Object> smuggled = AnnualReviewFixture.report("总结");
        smuggled.put("grantingRegionCode", "150522");
        assertRefused(rest.post(unit.contactUser(), people.passwordOf(unit), submit, RestClient.variables(smuggled)),
                "grantingRegionCode");
        assertThat(instance).isWaitingAt("SubmitAnnualReport").variables().doesNotContainKeys("annualReport", "selfTotal");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.OPEN);

        fixture.submitReport(instance, unit);
        Task grading = task(instance, "AnnualReviewGrading");
        engine.getTaskService().claim(grading.getId(), "commission1");
        String grade = "/engine-rest/task/" + grading.getId() + "/submit-form";
        Map<String, Object> sheet = new HashMap<>(AnnualReviewFixture.PASS);
        sheet.put("reviewComment", "意见");
        sheet.put("gradingDecision", "MAYBE");
        assertRefused(rest.post("commission1", "demo", grade, RestClient.variables(sheet)),
                "请选择「评审结论」（评定等级、退回补充材料）");
        sheet.put("gradingDecision", "GRADE");
        sheet.remove("reviewScore_leadership");
        assertRefused(rest.post("commission1", "demo", grade, RestClient.variables(sheet)), "请填写「组织领导与工作机制」的分数");
        sheet.put("reviewScore_leadership", -1);
        assertRefused(rest.post("commission1", "demo", grade, RestClient.variables(sheet)), "超出范围");
        sheet.put("reviewScore_leadership", 16);
        sheet.put("reviewComment", "");
        assertRefused(rest.post("commission1", "demo", grade, RestClient.variables(sheet)), "请填写「评审意见」");
        assertRefused(rest.post("commission1", "demo", grade, RestClient.variables(Map.of("gradingDecision", "RETURN"))),
                "请填写「需补充的材料及理由」");
        assertThat(instance).isWaitingAt("AnnualReviewGrading").variables().doesNotContainKeys("gradeCode", "reviewTotal");
        assertThat(review().status()).isEqualTo(AnnualReviewStatus.SUBMITTED);

        sheet.put("reviewComment", "合格");
        RestClient.Response ok = rest.post("commission1", "demo", grade, RestClient.variables(sheet));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(204);
        assertThat(review().grade()).isEqualTo("PASS");
    }

    // ---------------------------------------------------------------- who sees what

    @Test
    void theGradingTaskIsTheGrantingRegionsAndTheReportTaskTheUnitsOnly() {
        RestClient rest = new RestClient(port);
        String foreignCommission = member("arcommission150522", "commission-150522");
        String foreignPassword = "secret-" + foreignCommission;
        Unit otherUnit = people.newUnit("150525");
        ProcessInstance instance = fixture.start(designation, unit);
        Task report = task(instance, "SubmitAnnualReport");
        String tasksOfInstance = "/engine-rest/task?processInstanceId=" + instance.getId();

        assertThat(rest.get(unit.contactUser(), people.passwordOf(unit), tasksOfInstance).body().findValuesAsText("id"))
                .containsExactly(report.getId());
        assertThat(rest.get(otherUnit.contactUser(), people.passwordOf(otherUnit), tasksOfInstance).body()).isEmpty();
        assertThat(rest.get("commission1", "demo", tasksOfInstance).body()).isEmpty();
        RestClient.Response foreignSubmit = rest.post(otherUnit.contactUser(), people.passwordOf(otherUnit),
                "/engine-rest/task/" + report.getId() + "/submit-form", RestClient.variables(AnnualReviewFixture.report("冒名提交")));
        assertThat(foreignSubmit.status()).isIn(403, 404);
        assertThat(instance).isWaitingAt("SubmitAnnualReport");

        fixture.submitReport(instance, unit);
        Task grading = task(instance, "AnnualReviewGrading");
        assertThat(rest.get(foreignCommission, foreignPassword, tasksOfInstance).body()).isEmpty();
        assertThat(rest.get(unit.contactUser(), people.passwordOf(unit), tasksOfInstance).body()).isEmpty();
        RestClient.Response claim = rest.post(foreignCommission, foreignPassword, "/engine-rest/task/" + grading.getId() + "/claim",
                Map.of("userId", foreignCommission));
        assertThat(claim.status()).isIn(403, 404);
        assertThat(task(instance, "AnnualReviewGrading").getAssignee()).isNull();
        assertThat(rest.get("commission1", "demo", tasksOfInstance).body().findValuesAsText("name"))
                .containsExactly("年度评估评分：" + unit.name() + "（旗县级）");
        RestClient.Response own = rest.post("commission1", "demo", "/engine-rest/task/" + grading.getId() + "/claim",
                Map.of("userId", "commission1"));
        assertThat(own.status()).as(own.raw()).isEqualTo(204);
    }

    @Test
    void aTitleNamedByACampaignIsGradedByTheCampaignsCommission() {
        var campaign = people.newCampaign(org.ethnicunity.platform.registry.Level.CITY, "150500", null,
                TestClock.today().minusYears(2), TestClock.today().minusYears(2).plusDays(30));
        long cityTitle = designations.insert(unit.id(), org.ethnicunity.platform.registry.Level.CITY, campaign.id(),
                DesignationStatus.NAMED, null, "盟市级");
        ProcessInstance instance = fixture.start(cityTitle, unit);
        assertThat(instance).variables().containsEntry("grantingRegionCode", "150500").containsEntry("levelLabel", "盟市级")
                .containsEntry("indicatorSetId", campaign.indicatorSetId());
        fixture.submitReport(instance, unit);
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance, "AnnualReviewGrading").getId()))
                .extracting(l -> l.getGroupId()).containsExactly("commission-150500");
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskCandidateGroup("commission-150525").count()).isZero();
    }

    // ---------------------------------------------------------------- helpers

    private Map<String, Object> startedPayload(ProcessInstance instance) {
        return new HashMap<>(engine.getRuntimeService().getVariables(instance.getId()));
    }

    private AnnualReviews.Review review() {
        return reviews.find(designation, fixture.year).orElseThrow();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private java.util.Optional<Job> timer(ProcessInstance instance) {
        return java.util.Optional.ofNullable(engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().singleResult());
    }

    private long reinspections() {
        return engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("reinspection")
                .variableValueEquals("designationId", designation).count();
    }

    private ProcessInstance followUp(String key) {
        List<ProcessInstance> started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(key)
                .variableValueEquals("designationId", designation).list();
        assertThat(started).as(key + " of designation " + designation).hasSize(1);
        return started.get(0);
    }

    private static java.time.Instant endOf(LocalDate day) {
        return ZonedDateTime.of(day, LocalTime.of(23, 59), TestClock.ZONE).toInstant();
    }

    private static void at(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, LocalTime.of(9, 0), TestClock.ZONE).toInstant()));
    }

    private void runReminderSweep() {
        Job sweep = engine.getManagementService().createJobQuery().processDefinitionKey("reminderSweep").timers().singleResult();
        engine.getManagementService().executeJob(sweep.getId());
    }

    private List<Mail> digests() {
        return mailsTo(unit.contactEmail()).stream().filter(m -> m.subject().contains("待办提醒")).toList();
    }

    private Mail single(String subject) {
        List<Mail> found = mailsTo(unit.contactEmail()).stream().filter(m -> m.subject().equals("【民族团结进步创建】" + subject)).toList();
        assertThat(found).as("mails titled " + subject + " among " + mailsTo(unit.contactEmail()).stream().map(Mail::subject).toList())
                .hasSize(1);
        return found.get(0);
    }

    private static void assertRefused(RestClient.Response response, String message) {
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("message").asText()).contains(message);
    }
}
