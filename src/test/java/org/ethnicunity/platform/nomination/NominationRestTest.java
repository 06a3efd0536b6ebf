package org.ethnicunity.platform.nomination;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The nomination over Camunda's REST API as the real users of each group: the happy path to NAMED,
 * a reviewer of another region refused, and bad form values answered with 400 changing nothing.
 */
class NominationRestTest extends IntegrationTest {

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;

    RestClient rest;
    NominationFixture fixture;

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
    }

    @Test
    void restIsClosedToAnonymousCallersAndWrongPasswords() {
        assertThat(rest.get(null, null, "/engine-rest/task").status()).isEqualTo(401);
        // unit3 is not used elsewhere: a wrong password delays that user's next login (Camunda's brute-force guard).
        assertThat(rest.get("unit3", "wrong", "/engine-rest/task").status()).isEqualTo(401);
        assertThat(rest.get(null, null, "/api/units").status()).isEqualTo(401);
        assertThat(rest.get("prelim1", "demo", "/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void tasklistOffersTheNominationToUnitContactsOnly() {
        // The query Tasklist's "Start process" dialog sends.
        String startable = "/engine-rest/process-definition?latestVersion=true&active=true&startableInTasklist=true"
                + "&startablePermissionCheck=true";
        assertThat(rest.get("unit1", "demo", startable).body().findValuesAsText("key")).containsExactly("nomination");
        assertThat(rest.get("prelim1", "demo", startable).body()).isEmpty();
        // Commission staff start re-inspections, exits, launches, naming decisions and recommendations, supervision staff exits
        // (docs/security.md), nothing else.
        assertThat(rest.get("commission1", "demo", startable).body().findValuesAsText("key"))
                .containsExactlyInAnyOrder("reinspection", "exit", "launch", "naming", "recommendation");
        assertThat(rest.get("supervisor1", "demo", startable).body().findValuesAsText("key")).containsExactly("exit");
    }

    @Test
    void happyPathThroughRestAsEachGroupWithAnotherRegionRefused() {
        var unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        Map<String, Object> application = application(campaign);
        RestClient.Response started = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form", RestClient.variables(application));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
        String instance = started.body().get("id").asText();

        String task = onlyTask("prelim1", instance, "PreliminaryReview");
        // A preliminary reviewer of another banner neither sees nor may complete the task.
        assertThat(rest.get("prelim2", "demo", "/engine-rest/task?processInstanceId=" + instance).body()).isEmpty();
        RestClient.Response foreign = rest.post("prelim2", "demo", "/engine-rest/task/" + task + "/submit-form",
                RestClient.variables(Map.of("prelimDecision", "PASS")));
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(rest.post("prelim2", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "prelim2")).status())
                .isEqualTo(403);

        claimAndSubmit("prelim1", task, Map.of("prelimDecision", "PASS", "prelimComment", "同意上报"));
        claimAndSubmit("commission1", onlyTask("commission1", instance, "CommissionReview"),
                Map.of("commissionDecision", "PASS", "commissionComment", "材料齐全"));
        Map<String, Object> sheet = new HashMap<>(NominationFixture.scores("siteScore_", 19, 23, 18, 14, 13, 24));
        sheet.put("assessmentComment", "阵地建设规范");
        for (String assessor : new String[] {"assessor1", "assessor2"}) {
            JsonNode tasks = rest.get(assessor, "demo", "/engine-rest/task?processInstanceId=" + instance
                    + "&taskDefinitionKey=SiteAssessment&unassigned=true").body();
            claimAndSubmit(assessor, tasks.get(0).get("id").asText(), sheet);
        }
        claimAndSubmit("leader1", onlyTask("leader1", instance, "LeadingGroupApproval"),
                Map.of("approvalDecision", "APPROVE", "approvalComment", "同意"));

        String job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult().getId();
        engine.getManagementService().executeJob(job);
        RestClient.Response naming = rest.post("commission1", "demo", "/engine-rest/process-definition/key/naming/submit-form",
                RestClient.variables(Map.of("campaignCode", campaign.code())));
        assertThat(naming.status()).as(naming.raw()).isEqualTo(200);
        claimAndSubmit("commission1", onlyTask("commission1", naming.body().get("id").asText(), "ConfirmNaming"),
                Map.of("namingDecision", "NAME", "documentNumber", "奈民创办发〔2026〕7号",
                        "namingDate", NominationFixture.today().toString()));

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count()).isZero();
        var designation = designations.findByUnit(unit.id()).get(0);
        assertThat(designation.documentNumber()).isEqualTo("奈民创办发〔2026〕7号");
        RestClient.Response view = rest.get(unit.contactUser(), fixture.passwordOf(unit), "/api/designations/" + designation.id());
        assertThat(view.body().at("/designation/status").asText()).isEqualTo("NAMED");
        assertThat(view.body().at("/history").size()).isEqualTo(4);
        assertThat(rest.get("prelim2", "demo", "/api/designations/" + designation.id()).status()).isEqualTo(404);
        assertThat(mailsTo(unit.contactEmail())).extracting(Mail::subject).containsExactly("【民族团结进步创建】命名通知：" + unit.name());
    }

    @Test
    void badFormValuesAreRefusedWith400AndChangeNothing() {
        var unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        var instance = fixture.apply(unit, campaign);
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "PASS", "commissionComment", "");
        String task = rest.get("assessor1", "demo", "/engine-rest/task?processInstanceId=" + instance.getId()
                + "&taskDefinitionKey=SiteAssessment").body().get(0).get("id").asText();
        rest.post("assessor1", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "assessor1"));

        Map<String, Object> tooHigh = new HashMap<>(NominationFixture.scores("siteScore_", 19, 23, 18, 14, 13, 26));
        tooHigh.put("assessmentComment", "好");
        expectRefused(task, tooHigh, "「创建特色与成效」的分数 26 超出范围，应在 0 到 25 分之间");

        Map<String, Object> missing = new HashMap<>(tooHigh);
        missing.remove("siteScore_exchange");
        missing.put("siteScore_achievement", 20);
        expectRefused(task, missing, "请填写「促进各民族交往交流交融」的分数");

        Map<String, Object> notNumber = new HashMap<>(missing);
        notNumber.put("siteScore_exchange", "很多");
        expectRefused(task, notNumber, "分数必须是数字");

        Map<String, Object> noComment = new HashMap<>(NominationFixture.scores("siteScore_", 19, 23, 18, 14, 13, 20));
        expectRefused(task, noComment, "请填写「测评意见」");

        assertThat(engine.getTaskService().getVariablesLocal(task)).containsEntry("siteScore_achievement", null);
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKeys("siteTotal", "siteScore_achievement");
        assertThat(engine.getTaskService().createTaskQuery().taskId(task).count()).isEqualTo(1);
    }

    @Test
    void aDecisionOutsideTheFormsOptionsOrWithoutItsReasonIsRefused() {
        var instance = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
        String task = onlyTask("prelim1", instance.getId(), "PreliminaryReview");
        rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "prelim1"));
        expectRefusedAs("prelim1", task, Map.of("prelimDecision", "MAYBE"), "收到的「MAYBE」不是有效选项");
        expectRefusedAs("prelim1", task, Map.of("prelimDecision", "DECLINE", "prelimComment", " "), "选择「不予通过」时必须填写理由");
        assertThat(engine.getRuntimeService().getVariables(instance.getId())).doesNotContainKey("prelimDecision");
    }

    @Test
    void aTaskAcceptsOnlyTheFieldsOfItsForm() {
        var instance = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
        Object designation = engine.getRuntimeService().getVariable(instance.getId(), "designationId");
        String task = onlyTask("prelim1", instance.getId(), "PreliminaryReview");
        rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", "prelim1"));
        expectRefusedAs("prelim1", task, Map.of("prelimDecision", "PASS", "designationId", 1, "campaignRegionCode", "150522"),
                "表单中没有这些字段，不能提交：campaignRegionCode、designationId");
        // Display-only fields of the form are not writable either.
        expectRefusedAs("prelim1", task, Map.of("prelimDecision", "PASS", "unitName", "别的单位"), "unitName");
        RestClient.Response direct = rest.post("prelim1", "demo", "/engine-rest/task/" + task + "/complete",
                RestClient.variables(Map.of("unitContact", "prelim1")));
        assertThat(direct.status()).isEqualTo(400);
        assertThat(engine.getRuntimeService().getVariables(instance.getId()))
                .containsEntry("designationId", designation).containsEntry("campaignRegionCode", "150525")
                .doesNotContainKey("prelimDecision");
    }

    @Test
    void applicationRefusedAtStartLeavesNoInstanceAndNoRecord() {
        var unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
        Map<String, Object> application = application(campaign);
        application.remove("selfScore_governance");
        RestClient.Response refused = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form", RestClient.variables(application));
        assertThat(refused.status()).isEqualTo(400);
        // The rule alone: no "Cannot instantiate process definition nomination:1:…:" in front of it.
        assertThat(refused.body().get("message").asText()).startsWith("请填写「依法治理民族事务」的分数")
                .doesNotContain("Cannot", "nomination:");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
        assertThat(designations.findByUnit(unit.id())).isEmpty();
    }

    @Test
    void objectionsNeedARealNameAContactAndAnApplicationInNotice() {
        var instance = fixture.apply(fixture.newUnit("150525"), fixture.openBannerCampaign(30));
        String path = "/api/nominations/" + instance.getId() + "/objections";
        RestClient.Response anonymous = rest.post("commission1", "demo", path,
                Map.of("objectorName", "", "objectorContact", "13800000000", "content", "有异议"));
        assertThat(anonymous.status()).isEqualTo(400);
        assertThat(anonymous.body().get("message").asText()).contains("异议人须实名");
        RestClient.Response noContact = rest.post("commission1", "demo", path, Map.of("objectorName", "张三", "content", "有异议"));
        assertThat(noContact.body().get("message").asText()).contains("须留联系方式");

        RestClient.Response early = rest.post("commission1", "demo", path,
                Map.of("objectorName", "张三", "objectorContact", "13800000000", "content", "有异议"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.body().get("message").asText()).contains("不在公示期内");
        assertThat(rest.post("prelim2", "demo", path,
                Map.of("objectorName", "张三", "objectorContact", "13800000000", "content", "有异议")).status()).isEqualTo(403);

        fixture.throughAssessment(instance, 18, 22, 18, 14, 13, 22);
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        RestClient.Response registered = rest.post("commission1", "demo", path,
                Map.of("objectorName", "张三", "objectorContact", "13800000000", "content", "该单位活动台账不实"));
        assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey("VerifyObjection").singleResult().getName()).isEqualTo("核实异议");
        assertThat(rest.post("commission1", "demo", "/api/nominations/no-such-instance/objections",
                Map.of("objectorName", "张三", "objectorContact", "1", "content", "x")).status()).isEqualTo(404);
    }

    @Test
    void aStartAcceptsOnlyTheStartFormsFieldsAndTheUnitOrCampaignIds() {
        var unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().count();
        Map<String, Object> application = application(campaign);
        application.put("sitePassed", true);
        RestClient.Response viaForm = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/submit-form", RestClient.variables(application));
        assertThat(viaForm.status()).isEqualTo(400);
        assertThat(viaForm.body().get("message").asText()).isEqualTo("表单中没有这些字段，不能提交：sitePassed / fields not on this form");
        RestClient.Response viaStart = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/start", RestClient.variables(application));
        assertThat(viaStart.status()).isEqualTo(400);
        assertThat(viaStart.body().get("message").asText()).isEqualTo("表单中没有这些字段，不能提交：sitePassed / fields not on this form");
        assertThat(rest.post(unit.contactUser(), fixture.passwordOf(unit), "/engine-rest/process-definition/key/noSuchProcess/start",
                RestClient.variables(application)).status()).as("other errors keep Camunda's status").isEqualTo(404);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isEqualTo(instancesBefore);

        application.remove("sitePassed");
        application.remove("campaignCode");
        application.put("campaignId", campaign.id());
        application.put("unitId", unit.id());
        RestClient.Response started = rest.post(unit.contactUser(), fixture.passwordOf(unit),
                "/engine-rest/process-definition/key/nomination/start", RestClient.variables(application));
        assertThat(started.status()).as(started.raw()).isEqualTo(200);
    }

    /** The start form's values of a good application to the campaign. */
    private static Map<String, Object> application(Campaign campaign) {
        Map<String, Object> application = new HashMap<>(NominationFixture.GOOD_SCORES);
        application.put("campaignCode", campaign.code());
        application.put("creationSummary", "开展民族团结进步宣传月活动");
        return application;
    }

    private void expectRefused(String task, Map<String, Object> values, String message) {
        expectRefusedAs("assessor1", task, values, message);
    }

    private void expectRefusedAs(String user, String task, Map<String, Object> values, String message) {
        RestClient.Response response = rest.post(user, "demo", "/engine-rest/task/" + task + "/submit-form",
                RestClient.variables(values));
        assertThat(response.status()).as(response.raw()).isEqualTo(400);
        assertThat(response.body().get("message").asText()).contains(message)
                .doesNotContain("Exception", "ENGINE-", "Cannot submit", task);
    }

    private String onlyTask(String user, String instance, String key) {
        JsonNode tasks = rest.get(user, "demo", "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).body();
        assertThat(tasks).as(user + " sees " + key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private void claimAndSubmit(String user, String task, Map<String, ?> values) {
        assertThat(rest.post(user, "demo", "/engine-rest/task/" + task + "/claim", Map.of("userId", user)).status()).isEqualTo(204);
        RestClient.Response done = rest.post(user, "demo", "/engine-rest/task/" + task + "/submit-form", RestClient.variables(values));
        assertThat(done.status()).as(done.raw()).isEqualTo(204);
    }
}
