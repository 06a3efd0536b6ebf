package org.ethnicunity.platform.reportrequest;

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
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.deadlines.ReminderSweep;
import org.ethnicunity.platform.deadlines.WorkingDayCalendar;
import org.ethnicunity.platform.deadlines.WorkingDays;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ethnicunity.platform.FlowNodeCoverage;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every path of bpmn/report-request.bpmn with its row in registry.report_submission and its mails:
 * on time and accepted, late, returned for revision and resubmitted, a lower commission as the
 * member, a duplicate start, a deleted instance; who sees each task; the refusals; the due dates;
 * and the reminder digest listing an overdue report.
 */
class ReportRequestProcessTest extends IntegrationTest {

    @RegisterExtension
    static final FlowNodeCoverage COVERAGE = FlowNodeCoverage.of("report-request", 6);

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired ReportSubmissions submissions;
    @Autowired WorkingDays workingDays;
    @Autowired WorkingDayCalendar calendar;
    @Autowired ReminderSweep sweep;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired org.ethnicunity.platform.BusinessClock clock;

    NominationFixture people;
    ReportRequestFixture fixture;
    Unit unit;
    long launchId;
    LocalDate due;

    @BeforeEach
    void setUp() {
        people = new NominationFixture(engine, units, campaigns, indicatorSets);
        fixture = new ReportRequestFixture(engine, people);
        unit = people.newUnit("150525");
        launchId = ReportRequestFixture.newLaunchId();
        due = TestClock.today().plusDays(20);
    }

    @AfterEach
    void resetClock() {
        TestClock.pin();
    }

    @Test
    void submittedOnTimeReviewedAndAccepted() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, due);

        assertThat(instance).isWaitingAt("SubmitReport").hasPassed("OpenReportRequest").variables()
                .containsEntry("unitName", unit.name()).containsEntry("revisionRequested", false)
                .containsEntry("reportPageUrl", "http://localhost:8080/report-requests/" + launchId);
        assertThat(instance.getBusinessKey()).isEqualTo("launch-" + launchId + ":unit:" + unit.id());
        Task submit = fixture.task(instance, "SubmitReport");
        assertThat(submit.getName()).isEqualTo("报送：活动月总结（" + unit.name() + "）");
        assertThat(submit.getAssignee()).isEqualTo(unit.contactUser());
        assertThat(fixture.candidateGroups(submit)).isEmpty();
        // The fixed date's end in the commissions' time zone, whatever the server's.
        assertThat(submit.getDueDate().toInstant()).isEqualTo(due.atTime(23, 59).atZone(TestClock.ZONE).toInstant());
        ReportSubmissions.Row requested = row(instance);
        assertThat(requested.status()).isEqualTo(SubmissionStatus.REQUESTED);
        assertThat(requested.memberKey()).isEqualTo("unit:" + unit.id());
        assertThat(requested.requesterRegionCode()).isEqualTo("150525");
        assertThat(requested.launchTitle()).isEqualTo("活动月总结");
        assertThat(requested.dueAt().toInstant()).isEqualTo(submit.getDueDate().toInstant());
        Mail notice = single(unit.contactEmail(), "【民族团结进步创建】工作报送通知：活动月总结");
        assertThat(notice.text()).contains(unit.contactName() + "：", ReportRequestFixture.INSTRUCTIONS,
                "截止时间：" + due + " 23:59", "#/?task=" + submit.getId());
        assertThat(notice.html()).contains(ReportRequestFixture.INSTRUCTIONS, "#/?task=" + submit.getId());

        fixture.submit(instance, unit.contactUser(), "本旗开展活动 12 场，参与 3000 人。", "https://pan.example/activity-month");

        assertThat(instance).isWaitingAt("ReviewReport").hasPassed("RecordSubmission").variables()
                .containsEntry("reportLate", false).containsEntry("lateLabel", "按时报送")
                .containsEntry("submittedAtLabel", TestClock.today() + " 10:00");
        Task review = fixture.task(instance, "ReviewReport");
        assertThat(review.getName()).isEqualTo("审阅报送：活动月总结（" + unit.name() + "）");
        assertThat(review.getAssignee()).isNull();
        assertThat(fixture.candidateGroups(review)).containsExactly("commission-150525");
        assertThat(review.getDueDate()).isCloseTo(workingDays.add(review.getCreateTime(), 5), 1000);
        ReportSubmissions.Row submitted = row(instance);
        assertThat(submitted.status()).isEqualTo(SubmissionStatus.SUBMITTED);
        assertThat(submitted.late()).isFalse();
        assertThat(submitted.reportText()).isEqualTo("本旗开展活动 12 场，参与 3000 人。");
        assertThat(submitted.reportLink()).isEqualTo("https://pan.example/activity-month");
        assertThat(submitted.submittedBy()).isEqualTo(unit.contactUser());
        assertThat(submitted.submissions()).isEqualTo(1);

        fixture.review(instance, "commission1", "ACCEPT", null);

        assertThat(instance).isEnded().hasPassed("AcceptReport", "ReportAccepted").hasNotPassed("ReturnReport");
        ReportSubmissions.Row accepted = row(instance);
        assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(accepted.reviewedBy()).isEqualTo("commission1");
        assertThat(accepted.reviewedAt()).isNotNull();
        assertThat(accepted.endedAt()).isNotNull();
        assertThat(mailsTo(unit.contactEmail())).hasSize(1);
    }

    @Test
    void aReportSubmittedAfterTheDueDateIsMarkedLate() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, TestClock.today());
        at(TestClock.today(), LocalTime.of(23, 58));
        assertThat(row(instance).overdue(clock.now())).isFalse();
        at(TestClock.today().plusDays(1), LocalTime.of(9, 0));
        assertThat(row(instance).overdue(clock.now())).isTrue();

        fixture.submit(instance, unit.contactUser(), "迟交的总结", null);

        assertThat(instance).isWaitingAt("ReviewReport").variables().containsEntry("reportLate", true)
                .containsEntry("lateLabel", "逾期报送（截止 " + TestClock.today() + "）");
        ReportSubmissions.Row late = row(instance);
        assertThat(late.late()).isTrue();
        assertThat(late.reportLink()).isNull();
        assertThat(late.status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }

    @Test
    void returnedForRevisionWithAReasonThenResubmittedAndAccepted() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, due);
        fixture.submit(instance, unit.contactUser(), "初稿", null);
        assertThatThrownBy(() -> fixture.review(instance, "commission1", "RETURN", " "))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("请填写「退回理由」");
        assertThatThrownBy(() -> fixture.review(instance, "commission1", "MAYBE", "x"))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("请选择「审阅结论」（采用、退回修改）");
        assertThat(instance).isWaitingAt("ReviewReport");

        fixture.review(instance, "commission1", "RETURN", "缺少参与人数和典型经验，请补充。");

        assertThat(instance).isWaitingAt("SubmitReport").hasPassed("ReturnReport").variables()
                .containsEntry("returnedReason", "缺少参与人数和典型经验，请补充。").containsEntry("revisionRequested", true)
                .containsEntry("reportText", "初稿").doesNotContainKeys("reviewDecision", "reviewComment");
        Task revision = fixture.task(instance, "SubmitReport");
        assertThat(revision.getAssignee()).isEqualTo(unit.contactUser());
        // The fixed date is still 20 days ahead, later than the revision's service level: it stays.
        assertThat(revision.getDueDate().toInstant()).isEqualTo(due.atTime(23, 59).atZone(TestClock.ZONE).toInstant());
        ReportSubmissions.Row returned = row(instance);
        assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(returned.returnedReason()).isEqualTo("缺少参与人数和典型经验，请补充。");
        assertThat(returned.reviewedBy()).isEqualTo("commission1");
        assertThat(returned.revisionDueAt().toInstant()).isEqualTo(revision.getDueDate().toInstant());
        Mail back = single(unit.contactEmail(), "【民族团结进步创建】工作报送退回修改：活动月总结");
        assertThat(back.text()).contains("缺少参与人数和典型经验，请补充。", "修改后报送期限：" + due + " 23:59",
                "#/?task=" + revision.getId());
        assertThat(back.html()).contains("缺少参与人数和典型经验，请补充。");

        fixture.submit(instance, unit.contactUser(), "修改稿：活动 12 场，参与 3000 人，典型经验两条。", null);
        assertThat(instance).isWaitingAt("ReviewReport");
        assertThat(row(instance).submissions()).isEqualTo(2);
        fixture.review(instance, "commission1", "ACCEPT", "内容完整");

        assertThat(instance).isEnded().hasPassed("ReportAccepted");
        ReportSubmissions.Row accepted = row(instance);
        assertThat(accepted.status()).isEqualTo(SubmissionStatus.ACCEPTED);
        assertThat(accepted.reportText()).startsWith("修改稿");
        assertThat(accepted.reviewComment()).isEqualTo("内容完整");
        assertThat(accepted.returnedReason()).isEqualTo("缺少参与人数和典型经验，请补充。");
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject).containsExactly(
                "【民族团结进步创建】工作报送通知：活动月总结", "【民族团结进步创建】工作报送退回修改：活动月总结");
    }

    @Test
    void aRevisionAfterTheDueDateGetsTheRevisionServiceLevelAndStaysLate() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, TestClock.today());
        at(TestClock.today().plusDays(1), LocalTime.of(10, 0));
        fixture.submit(instance, unit.contactUser(), "迟交初稿", null);
        fixture.review(instance, "commission1", "RETURN", "请补充数据");

        Task revision = fixture.task(instance, "SubmitReport");
        assertThat(revision.getDueDate()).isCloseTo(workingDays.add(revision.getCreateTime(), 5), 1000)
                .isAfter(ClockUtil.getCurrentTime());
        fixture.submit(instance, unit.contactUser(), "修改稿", null);
        assertThat(row(instance).late()).as("late is the first submission's").isTrue();
        assertThat(row(instance).submissions()).isEqualTo(2);
    }

    @Test
    void aLowerCommissionGetsTheTaskAndAnotherCommissionDoesNot() {
        String code = "1505" + (60 + (int) (launchId % 30));
        Group group = engine.getIdentityService().newGroup("commission-" + code);
        if (engine.getIdentityService().createGroupQuery().groupId(group.getId()).count() == 0) {
            group.setName("测试旗民委" + code);
            engine.getIdentityService().saveGroup(group);
        }
        String staff = member("rq" + launchId, "commission-" + code);
        String cityStaff = member("rqcity" + launchId, "commission-150500");
        Map<String, Object> payload = new HashMap<>(Map.of("memberKey", "commission:" + code, "memberType", "COMMISSION",
                "memberName", "测试旗民委" + code, "candidateGroup", "commission-" + code, "regionCode", code));
        payload.put("unitContact", null);

        ProcessInstance instance = fixture.start(launchId, "150500", due, payload);

        Task submit = fixture.task(instance, "SubmitReport");
        assertThat(submit.getName()).isEqualTo("报送：活动月总结（测试旗民委" + code + "）");
        assertThat(submit.getAssignee()).isNull();
        assertThat(fixture.candidateGroups(submit)).containsExactly("commission-" + code);
        assertThat(fixture.sees(staff, submit)).isTrue();
        assertThat(fixture.sees("commission1", submit)).as("奈曼旗's commission").isFalse();
        assertThat(fixture.sees(cityStaff, submit)).as("the requesting city's own staff").isFalse();
        assertThat(people.as("commission1", () -> {
            try {
                engine.getTaskService().claim(submit.getId(), "commission1");
                return "claimed";
            } catch (RuntimeException refused) {
                return "refused";
            }
        })).isEqualTo("refused");
        assertThat(mailsTo(staff + "@test.example")).extracting(Mail::subject)
                .containsExactly("【民族团结进步创建】工作报送通知：活动月总结");
        assertThat(mailsTo(staff + "@test.example").get(0).text()).startsWith("测试旗民委" + code + "：");

        fixture.submit(instance, staff, "本旗活动月总结", null);
        assertThat(row(instance).submittedBy()).isEqualTo(staff);
        Task review = fixture.task(instance, "ReviewReport");
        assertThat(fixture.candidateGroups(review)).containsExactly("commission-150500");
        assertThat(fixture.sees(cityStaff, review)).isTrue();
        assertThat(fixture.sees(staff, review)).as("the member does not review itself").isFalse();
        assertThat(fixture.sees("commission1", review)).isFalse();
        fixture.review(instance, cityStaff, "ACCEPT", null);
        assertThat(instance).isEnded();
        assertThat(row(instance).memberType()).isEqualTo("COMMISSION");
        assertThat(row(instance).status()).isEqualTo(SubmissionStatus.ACCEPTED);
    }

    @Test
    void aUnitsTaskIsItsContactsOnly() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, due);
        Task submit = fixture.task(instance, "SubmitReport");
        Unit other = people.newUnit("150525");
        assertThat(fixture.sees(unit.contactUser(), submit)).isTrue();
        assertThat(fixture.sees(other.contactUser(), submit)).isFalse();
        assertThat(fixture.sees("commission1", submit)).as("the requesting commission reads reports on its page").isFalse();
        assertThat(fixture.sees("prelim1", submit)).isFalse();
        fixture.submit(instance, unit.contactUser(), "总结", null);
        Task review = fixture.task(instance, "ReviewReport");
        assertThat(fixture.sees("commission1", review)).isTrue();
        assertThat(fixture.sees(unit.contactUser(), review)).isFalse();
        assertThat(fixture.sees("prelim1", review)).isFalse();
        assertThat(fixture.sees(member("rqforeign", "commission-150522"), review)).isFalse();
    }

    @Test
    void aPersonsStartIsRefusedAndLeavesNothing() {
        RestClient rest = new RestClient(port);
        Map<String, Object> variables = ReportRequestFixture.launch(launchId, "150525", due);
        variables.putAll(ReportRequestFixture.unit(unit));
        variables.values().removeIf(java.util.Objects::isNull);
        String start = "/engine-rest/process-definition/key/report-request/submit-form";

        RestClient.Response byAdmin = rest.post("admin", "demo", start, RestClient.variables(variables));
        assertThat(byAdmin.status()).isEqualTo(400);
        assertThat(byAdmin.body().get("message").asText()).contains("工作报送只能通过批量发起启动");
        RestClient.Response byCommission = rest.post("commission1", "demo", start, RestClient.variables(variables));
        assertThat(byCommission.status()).isEqualTo(403);
        assertThatThrownBy(() -> people.as("admin", () -> engine.getRuntimeService()
                .startProcessInstanceByKey("report-request", variables)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("工作报送只能通过批量发起启动");

        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("report-request")
                .variableValueEquals("launchId", launchId).count()).isZero();
        assertThat(submissions.anyOf(launchId)).isEmpty();
        assertThat(mailsTo(unit.contactEmail())).isEmpty();
    }

    @Test
    void aSubmissionWithoutTheReportOrWithOtherFieldsIsRefusedInChinese() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, due);
        Task submit = fixture.task(instance, "SubmitReport");
        RestClient rest = new RestClient(port);
        String path = "/engine-rest/task/" + submit.getId() + "/submit-form";

        RestClient.Response empty = rest.post(unit.contactUser(), people.passwordOf(unit), path,
                RestClient.variables(Map.of("reportLink", "https://pan.example/x")));
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.body().get("message").asText()).contains("请填写「报送内容」");
        RestClient.Response smuggled = rest.post(unit.contactUser(), people.passwordOf(unit), path,
                RestClient.variables(Map.of("reportText", "总结", "reportLate", false)));
        assertThat(smuggled.status()).isEqualTo(400);
        assertThat(smuggled.body().get("message").asText()).contains("表单中没有这些字段", "reportLate");
        RestClient.Response longLink = rest.post(unit.contactUser(), people.passwordOf(unit), path,
                RestClient.variables(Map.of("reportText", "总结", "reportLink", "x".repeat(1001))));
        assertThat(longLink.status()).isEqualTo(400);
        assertThat(longLink.body().get("message").asText()).contains("「附件链接或存放位置」不能超过 1000 个字符");

        assertThat(instance).isWaitingAt("SubmitReport").variables().doesNotContainKeys("reportText", "reportLink");
        assertThat(row(instance).status()).isEqualTo(SubmissionStatus.REQUESTED);
        RestClient.Response ok = rest.post(unit.contactUser(), people.passwordOf(unit), path,
                RestClient.variables(Map.of("reportText", "总结")));
        assertThat(ok.status()).as(ok.raw()).isEqualTo(204);
        assertThat(row(instance).status()).isEqualTo(SubmissionStatus.SUBMITTED);
    }

    @Test
    void aMemberAskedTwiceByOneLaunchGetsOneTask() {
        ProcessInstance first = fixture.startUnit(launchId, unit, due);
        ProcessInstance second = fixture.startUnit(launchId, unit, due);

        assertThat(second).isEnded().hasPassed("DuplicateIgnored").hasNotPassed("SubmitReport");
        assertThat(first).isWaitingAt("SubmitReport");
        assertThat(submissions.find(launchId, "unit:" + unit.id()).orElseThrow().processInstanceId()).isEqualTo(first.getId());
        assertThat(row(first).status()).as("the second instance's end leaves the first's row").isEqualTo(SubmissionStatus.REQUESTED);
        assertThat(mailsTo(unit.contactEmail())).hasSize(1);
        // Another launch asks the same unit again.
        long next = ReportRequestFixture.newLaunchId();
        assertThat(fixture.startUnit(next, unit, due)).isWaitingAt("SubmitReport");
    }

    @Test
    void aDeletedInstanceLeavesItsRowEndedNotPending() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, due);
        // Cockpit deletes with "skip custom listeners" by default.
        engine.getRuntimeService().deleteProcessInstance(instance.getId(), "发起有误，撤回", true);
        ReportSubmissions.Row ended = row(instance);
        assertThat(ended.status()).isEqualTo(SubmissionStatus.ENDED);
        assertThat(ended.endedAt()).isNotNull();
    }

    @Test
    void anOverdueReportTaskIsListedInTheContactsDigest() {
        ProcessInstance instance = fixture.startUnit(launchId, unit, TestClock.today());
        LocalDate later = calendar.addWorkingDays(TestClock.today(), 2);
        at(later, LocalTime.of(10, 0));

        new TransactionTemplate(transactionManager).execute(tx -> sweep.run());

        List<Mail> digests = mailsTo(unit.contactEmail()).stream().filter(m -> m.subject().contains("待办提醒")).toList();
        assertThat(digests).hasSize(1);
        assertThat(digests.get(0).subject()).isEqualTo("【民族团结进步创建】待办提醒（" + later + "）：1 项待办");
        assertThat(digests.get(0).text()).contains("工作报送｜" + unit.name() + "｜报送：活动月总结（" + unit.name() + "）",
                "期限 " + TestClock.today() + " 23:59", "已逾期 2 个工作日",
                "#/?task=" + fixture.task(instance, "SubmitReport").getId());
    }

    // ---------------------------------------------------------------- helpers

    private ReportSubmissions.Row row(ProcessInstance instance) {
        return submissions.ofInstance(instance.getId()).orElseThrow();
    }

    private Mail single(String to, String subject) {
        List<Mail> found = mailsTo(to).stream().filter(m -> m.subject().equals(subject)).toList();
        assertThat(found).as("mails titled " + subject).hasSize(1);
        return found.get(0);
    }

    private static void at(LocalDate day, LocalTime time) {
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(day, time, TestClock.ZONE).toInstant()));
    }
}
