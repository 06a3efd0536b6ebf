package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.reportrequest.ReportRequestFixture;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A unit sees only its form: on each unit task (self-inspection, rectification report, exit statement,
 * application resubmission, report request submission; the annual report in AnnualReviewProcessTest)
 * the unit's contact reads over REST only the variables the task's form shows, never a complainant.
 * Staff keep reading what the engine allows them.
 */
class UnitSeesOnlyItsFormTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired RegistryService registry;

    private NominationFixture fixture;
    private RestClient rest;
    private Unit unit;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        rest = new RestClient(port);
        unit = fixture.newUnit("150525");
    }

    @Test
    void theSelfInspectionOfAComplaintShowsTheUnitNeitherComplainantNorOtherVariables() {
        long id = named();
        ProcessInstance instance = fixture.as("commission1", () -> engine.getFormService().submitStartForm(definition("reinspection"),
                Map.of("designationId", id, "reinspectionTrigger", "COMPLAINT", "reinspectionReason", "群众反映创建停滞",
                        "complainantName", "王五", "complainantContact", "13800000000")));
        Task task = task(instance, "SelfInspection");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).containsKeys("complainantName", "complainantContact");
        int hidden = UnitTaskReads.assertSeesOnlyItsForm(engine, rest, task, unit.contactUser(), fixture.passwordOf(unit),
                "complainantName", "complainantContact");
        assertThat(hidden).isPositive();
        // Over the web apps' door too (Tasklist's own reads).
        WebappSession tasklist = new WebappSession(port);
        assertThat(tasklist.login(unit.contactUser(), fixture.passwordOf(unit))).isTrue();
        var page = tasklist.exchange(java.net.http.HttpRequest.newBuilder(java.net.URI.create(tasklist.base()
                + "/camunda/api/engine/engine/default/task/" + task.getId() + "/form-variables")).header("Accept", "application/json"));
        String body = new String(page.body(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page.statusCode()).as(body).isEqualTo(200);
        assertThat(body).contains("unitName").doesNotContain("complainantName", "王五", "13800000000");
    }

    @Test
    void theRectificationReportShowsOnlyItsForm() {
        long id = named();
        registry.openProcedure(id, "EXIT", DesignationStatus.IN_EXIT, "leader1", "退出程序", "exit-stand-in-" + id);
        registry.closeProcedure("exit-stand-in-" + id, "RECTIFY");
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("reinspection", Map.of(
                "designationId", id, "rectificationOrdered", true, "reinspectionTrigger", "EXIT_DECISION"));
        assertThat(UnitTaskReads.assertSeesOnlyItsForm(engine, rest, task(instance, "RectificationReport"), unit.contactUser(),
                fixture.passwordOf(unit))).isPositive();
    }

    @Test
    void theExitStatementShowsOnlyItsFormWhileStaffSeeTheirTasksWhole() {
        long id = named();
        ProcessInstance exit = fixture.as("commission1", () -> engine.getFormService().submitStartForm(definition("exit"),
                Map.of("designationId", id, "exitGrounds", "FRAUD", "exitGroundsDetail", "群众来信反映材料不实")));
        Task verify = task(exit, "VerifyGrounds");
        fixture.as("commission1", () -> {
            engine.getTaskService().claim(verify.getId(), "commission1");
            return null;
        });
        RestClient.Response staff = rest.get("commission1", "demo", "/engine-rest/task/" + verify.getId() + "/variables");
        assertThat(staff.body().has("exitStartedBy")).as(staff.raw()).isTrue();
        fixture.complete(exit, "VerifyGrounds", "commission1", Map.of("groundsConfirmed", "CONFIRMED", "verificationComment", "属实"));
        assertThat(UnitTaskReads.assertSeesOnlyItsForm(engine, rest, task(exit, "SubmitStatement"), unit.contactUser(),
                fixture.passwordOf(unit), "exitStartedBy")).isPositive();
    }

    @Test
    void theApplicationResubmissionShowsOnlyItsForm() {
        ProcessInstance instance = fixture.apply(unit, fixture.openBannerCampaign(30));
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "RETURN", "prelimComment", "请补充活动照片");
        assertThat(UnitTaskReads.assertSeesOnlyItsForm(engine, rest, task(instance, "SubmitMoreMaterial"), unit.contactUser(),
                fixture.passwordOf(unit))).isPositive();
    }

    @Test
    void theReportRequestSubmissionShowsOnlyItsForm() {
        ProcessInstance instance = new ReportRequestFixture(engine, fixture).startUnit(ReportRequestFixture.newLaunchId(), unit,
                TestClock.today().plusDays(20));
        assertThat(UnitTaskReads.assertSeesOnlyItsForm(engine, rest, task(instance, "SubmitReport"), unit.contactUser(),
                fixture.passwordOf(unit), "launchedBy", "contactEmail")).isPositive();
    }

    private Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }

    private String definition(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    private long named() {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "只看本表单测试");
        designations.recordNaming(id, TestClock.today().minusYears(4), "奈民创办发〔2022〕" + id + "号",
                TestClock.today().plusYears(1), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, "admin", "测试：导入命名", null,
                TestClock.START.toOffsetDateTime());
        return id;
    }
}
