package org.ethnicunity.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.contract.ReinspectionStart;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.reportrequest.ReportRequestFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The hostile set over REST, as an integrator or an attacker sends it: for every field of each form the
 * fixtures reach, a value of the wrong type (a number for a text, a text for a number or an id), a JSON
 * object, a Java-serialized object, NaN and Infinity for a number, a text one character over the
 * maximum. Each is answered 400 with a message in Chinese and no engine or Java text, and nothing
 * changes: the task stays open, the instance's variables are as before, no instance is started.
 *
 * <p>Reached here (start form or task over {@code /engine-rest}): nomination-application,
 * nomination-preliminary-review, nomination-commission-review, nomination-site-assessment,
 * nomination-approval, naming-start, naming-confirm, exit-start, exit-verification, exit-statement,
 * exit-decision, reinspection-start, reinspection-self-inspection, reinspection-site,
 * reinspection-rectification-report, report-request-submit, report-request-review, launch-start,
 * recommendation-start, nomination-resubmission; annual-review-report and annual-review-grading from
 * AnnualReviewProcessTest. Not reached over REST (their fixtures live in other packages or need an
 * objection or a second year): nomination-objection-verification, recommendation-approval,
 * reinspection-second-check. Every form of every process is checked against the
 * same set without REST in {@code contract.SubmittedValueCheckTest}.
 */
public class HostileInputTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** java.util.HashMap, empty, as Java serialization writes it. */
    private static final String JAVA_SERIALIZED = "rO0ABXNyABFqYXZhLnV0aWwuSGFzaE1hcAUH2sHDFmDRAwACRgAKbG9hZEZhY3RvckkACXRocmVzaG9sZHhwP0AAAAAAAAx3CAAAABAAAAAAeA==";
    private static final Map<String, Map<String, Variable<?>>> CONTRACTS = contracts();
    private static final List<String> REACHED = new ArrayList<>();

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired DesignationRepository designations;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired org.ethnicunity.platform.registry.RegistryService registry;

    private NominationFixture fixture;
    private RestClient rest;

    @BeforeEach
    void setUp() {
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        rest = new RestClient(port);
    }

    @AfterAll
    static void report() {
        System.out.println("HostileInputTest reached forms: " + new TreeSet<>(REACHED));
    }

    @Test
    void aNominationFromApplicationToNamingRefusesTheHostileSetAtEveryStep() {
        Unit unit = fixture.newUnit("150525");
        Campaign campaign = fixture.openBannerCampaign(30);
        String password = fixture.passwordOf(unit);
        attackStart("nomination", "nomination-application", unit.contactUser(), password);
        ProcessInstance instance = fixture.apply(unit, campaign);

        attackTask(instance, "PreliminaryReview", "prelim1", "demo");
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "材料齐全");
        attackTask(instance, "CommissionReview", "commission1", "demo");
        fixture.review(instance, "CommissionReview", "commission1", "commissionDecision", "PASS", "commissionComment", "符合条件");
        attackTask(instance, "SiteAssessment", "assessor1", "demo");
        Map<String, Object> scores = NominationFixture.scores("siteScore_", 18, 22, 18, 14, 13, 22);
        fixture.assess(instance, "assessor1", scores);
        fixture.assess(instance, "assessor2", scores);
        attackTask(instance, "LeadingGroupApproval", "leader1", "demo");
        fixture.review(instance, "LeadingGroupApproval", "leader1", "approvalDecision", "APPROVE", "approvalComment", "");
        var timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("NoticePeriodOver").singleResult();
        engine.getManagementService().executeJob(timer.getId());

        attackStart("naming", "naming-start", "commission1", "demo");
        ProcessInstance naming = fixture.startNaming(campaign, "commission1");
        attackTask(naming, "ConfirmNaming", "commission1", "demo");
    }

    @Test
    void anExitRefusesTheHostileSetAtItsStartAndItsTasks() {
        Unit unit = fixture.newUnit("150525");
        long id = named(unit);
        attackStart("exit", "exit-start", "commission1", "demo");
        String definition = definition("exit");
        ProcessInstance exit = fixture.as("commission1", () -> engine.getFormService().submitStartForm(definition,
                Map.of("designationId", id, "exitGrounds", "FRAUD", "exitGroundsDetail", "群众来信反映材料不实")));
        attackTask(exit, "VerifyGrounds", "commission1", "demo");
        fixture.complete(exit, "VerifyGrounds", "commission1", Map.of("groundsConfirmed", "CONFIRMED", "verificationComment", "属实"));
        attackTask(exit, "SubmitStatement", unit.contactUser(), fixture.passwordOf(unit));
        fixture.complete(exit, "SubmitStatement", unit.contactUser(), Map.of("statementText", "照片为共建活动合影，附共建协议"));
        attackTask(exit, "LeadingGroupDecision", "leader1", "demo");
    }

    @Test
    void aRectificationReportAndAReportRequestSubmissionRefuseTheHostileSet() {
        Unit unit = fixture.newUnit("150525");
        long id = named(unit);
        registry.openProcedure(id, "EXIT", DesignationStatus.IN_EXIT, "leader1", "退出程序", "exit-stand-in-" + id);
        registry.closeProcedure("exit-stand-in-" + id, "RECTIFY");
        ProcessInstance rectification = engine.getRuntimeService().startProcessInstanceByKey(ReinspectionStart.PROCESS_KEY,
                ReinspectionStart.of(id, ReinspectionTrigger.EXIT_DECISION, true));
        attackTask(rectification, "RectificationReport", unit.contactUser(), fixture.passwordOf(unit));

        ProcessInstance report = new ReportRequestFixture(engine, fixture).startUnit(ReportRequestFixture.newLaunchId(), unit,
                TestClock.today().plusDays(20));
        attackTask(report, "SubmitReport", unit.contactUser(), fixture.passwordOf(unit));
        fixture.complete(report, "SubmitReport", unit.contactUser(), Map.of("reportText", "上半年开展宣传月活动三次。"));
        attackTask(report, "ReviewReport", "commission1", "demo");
    }

    @Test
    void aReinspectionRefusesTheHostileSetAtItsStartAndTheUnitsSelfInspection() {
        Unit unit = fixture.newUnit("150525");
        long id = named(unit);
        attackStart("reinspection", "reinspection-start", "commission1", "demo");
        String definition = definition("reinspection");
        ProcessInstance reinspection = fixture.as("commission1", () -> engine.getFormService().submitStartForm(definition,
                Map.of("designationId", id, "reinspectionTrigger", "SCHEDULED", "reinspectionReason", "定期复核")));
        attackTask(reinspection, "SelfInspection", unit.contactUser(), fixture.passwordOf(unit));
        Map<String, Object> self = new HashMap<>(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 22));
        self.put("selfInspectionReport", "逐项对照指标自查：阵地建设完善，宣传月活动常态化。");
        fixture.complete(reinspection, "SelfInspection", unit.contactUser(), self);
        attackTask(reinspection, "SiteReinspection", "assessor1", "demo");
    }

    @Test
    void theResubmissionOfAReturnedApplicationRefusesTheHostileSet() {
        Unit unit = fixture.newUnit("150525");
        ProcessInstance instance = fixture.apply(unit, fixture.openBannerCampaign(30));
        fixture.review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "RETURN", "prelimComment", "请补充活动照片");
        attackTask(instance, "SubmitMoreMaterial", unit.contactUser(), fixture.passwordOf(unit));
    }

    /** Start forms of the launcher and the recommendation: refused before the engine judges who starts. */
    @Test
    void theLaunchAndRecommendationStartFormsRefuseTheHostileSet() {
        attackStart("launch", "launch-start", "commission1", "demo");
        attackStart("recommendation", "recommendation-start", "commission1", "demo");
    }

    /** The other ways a start went wrong with a 500: an id as a word, skipping the model's listeners. */
    @Test
    void aStartWithAWordForTheUnitOrSkippingTheListenersIsRefusedInChinese() {
        Unit unit = fixture.newUnit("150525");
        fixture.openBannerCampaign(30);
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().count();
        Map<String, Object> unitAsWord = Map.of("variables", Map.of("unitId", Map.of("value", "某某单位", "type", "String")));
        refused(rest.post(unit.contactUser(), fixture.passwordOf(unit), "/engine-rest/process-definition/key/nomination/submit-form",
                unitAsWord), "unitId as a word");

        long id = named(unit);
        Map<String, Object> skipping = new HashMap<>(RestClient.variables(Map.of("designationId", id, "exitGrounds", "FRAUD",
                "exitGroundsDetail", "材料不实")));
        skipping.put("skipCustomListeners", true);
        refused(rest.post("commission1", "demo", "/engine-rest/process-definition/key/exit/start", skipping), "skipCustomListeners");
        skipping.remove("skipCustomListeners");
        skipping.put("skipIoMappings", true);
        refused(rest.post("commission1", "demo", "/engine-rest/process-definition/key/exit/start", skipping), "skipIoMappings");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().count()).isEqualTo(before);
        assertThat(designations.find(id).orElseThrow().status()).isEqualTo(DesignationStatus.NAMED);
    }

    // ---------------------------------------------------------------- the attacks

    private void attackStart(String processKey, String formRef, String user, String password) {
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count();
        for (Map.Entry<String, Map<String, Object>> attack : attacks(processKey, formRef).entrySet()) {
            refused(rest.post(user, password, "/engine-rest/process-definition/key/" + processKey + "/submit-form",
                    Map.of("variables", attack.getValue())), formRef + " " + attack.getKey());
        }
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(processKey).count())
                .as("no " + processKey + " started").isEqualTo(before);
        REACHED.add(formRef);
    }

    private void attackTask(ProcessInstance instance, String taskKey, String user, String password) {
        attackTask(engine, fixture, rest, instance, taskKey, user, password);
    }

    /** The hostile set on every field of the task's form over REST, as {@code user}; for the tests of other packages too. */
    public static void attackTask(org.camunda.bpm.engine.ProcessEngine engine, NominationFixture fixture, RestClient rest,
                                  ProcessInstance instance, String taskKey, String user, String password) {
        Task task = fixture.openTask(instance, taskKey, user);
        if (task.getAssignee() == null) {
            fixture.as(user, () -> {
                engine.getTaskService().claim(task.getId(), user);
                return null;
            });
        }
        String formRef = formRefOf(engine, task);
        String processKey = engine.getRepositoryService().getProcessDefinition(task.getProcessDefinitionId()).getKey();
        String before = String.valueOf(engine.getRuntimeService().getVariables(instance.getId()));
        for (Map.Entry<String, Map<String, Object>> attack : attacks(processKey, formRef).entrySet()) {
            refused(rest.post(user, password, "/engine-rest/task/" + task.getId() + "/submit-form", Map.of("variables", attack.getValue())),
                    formRef + " " + attack.getKey());
            // The other doors to the same variables: complete with variables, and setting them on the task.
            refused(rest.post(user, password, "/engine-rest/task/" + task.getId() + "/complete", Map.of("variables", attack.getValue())),
                    formRef + " complete " + attack.getKey());
            refusedOrForbidden(rest.post(user, password, "/engine-rest/task/" + task.getId() + "/variables",
                    Map.of("modifications", attack.getValue())), formRef + " variables " + attack.getKey());
        }
        assertThat(engine.getTaskService().createTaskQuery().taskId(task.getId()).count()).as(taskKey + " still open").isEqualTo(1);
        assertThat(String.valueOf(engine.getRuntimeService().getVariables(instance.getId()))).as(taskKey + ": variables unchanged")
                .isEqualTo(before);
        REACHED.add(formRef);
    }

    /** Setting a task's variables directly: refused by the value check (400) or by the allow-list (403), in Chinese. */
    private static void refusedOrForbidden(RestClient.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.raw()).isIn(400, 403);
        String message = response.body() == null ? "" : response.body().path("message").asText();
        assertThat(message).as(what).matches("(?s).*[\\u4e00-\\u9fff].*")
                .doesNotContain("ENGINE-", "Exception", "java.", "org.camunda");
    }

    private static void refused(RestClient.Response response, String what) {
        assertThat(response.status()).as(what + ": " + response.raw()).isEqualTo(400);
        String message = response.body() == null ? "" : response.body().path("message").asText();
        assertThat(message).as(what).matches("(?s).*[\\u4e00-\\u9fff].*")
                .doesNotContain("ENGINE-", "Exception", "java.", "org.camunda");
    }

    /** "field: what" to one submitted variable, for every field of the form. */
    private static Map<String, Map<String, Object>> attacks(String processKey, String formRef) {
        Map<String, Map<String, Object>> attacks = new LinkedHashMap<>();
        Map<String, Variable<?>> known = CONTRACTS.get(processKey);
        for (String field : fields(formRef)) {
            Variable<?> variable = known.get(field);
            assertThat(variable).as(formRef + ": " + field).isNotNull();
            hostile(variable).forEach((what, value) -> attacks.put(field + ": " + what, Map.of(field, value)));
        }
        assertThat(attacks).as(formRef + " has fields").isNotEmpty();
        return attacks;
    }

    /** The hostile set for a field of this variable's kind, as REST variables. */
    static Map<String, Map<String, Object>> hostile(Variable<?> variable) {
        Map<String, Map<String, Object>> set = new LinkedHashMap<>();
        set.put("a Java-serialized object", Map.of("value", JAVA_SERIALIZED, "type", "Object", "valueInfo",
                Map.of("serializationDataFormat", "application/x-java-serialized-object", "objectTypeName", "java.util.HashMap")));
        set.put("a JSON object", Map.of("value", "{\"a\":1}", "type", "Object", "valueInfo",
                Map.of("serializationDataFormat", "application/json", "objectTypeName", "java.util.HashMap")));
        set.put("an untyped object", Map.of("value", Map.of("a", 1)));
        Class<?> type = variable.type();
        if (type == String.class) {
            set.put("an Integer", Map.of("value", 42, "type", "Integer"));
            set.put("a text over the maximum", Map.of("value", "字".repeat(Variable.TEXT_MAX + 1), "type", "String"));
        } else if (type == Double.class || type == Integer.class) {
            set.put("NaN", Map.of("value", "NaN", "type", "Double"));
            set.put("Infinity", Map.of("value", "Infinity", "type", "Double"));
            set.put("Infinity as a text", Map.of("value", "Infinity", "type", "String"));
        } else if (type == Long.class) {
            set.put("a word for an id", Map.of("value", "abc", "type", "String"));
        } else if (type == Boolean.class) {
            set.put("a number for a flag", Map.of("value", 3, "type", "Integer"));
        } else if (type.isEnum()) {
            set.put("an Integer for an option", Map.of("value", 7, "type", "Integer"));
        } else if (type == java.time.LocalDate.class) {
            set.put("a number for a date", Map.of("value", 20260615, "type", "Integer"));
        }
        return set;
    }

    private static String formRefOf(org.camunda.bpm.engine.ProcessEngine engine, Task task) {
        var model = engine.getRepositoryService().getBpmnModelInstance(task.getProcessDefinitionId());
        var element = model.getModelElementById(task.getTaskDefinitionKey());
        return element.getAttributeValueNs("http://camunda.org/schema/1.0/bpmn", "formRef");
    }

    private static List<String> fields(String formRef) {
        List<String> keys = new ArrayList<>();
        try {
            collect(JSON.readTree(Path.of("forms", formRef + ".form").toFile()), keys);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return keys;
    }

    private static void collect(JsonNode node, List<String> keys) {
        if (node.has("key") && node.get("key").isTextual() && !node.path("disabled").asBoolean(false)) {
            keys.add(node.get("key").asText());
        }
        node.path("components").forEach(child -> collect(child, keys));
    }

    private String definition(String key) {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getId();
    }

    /** A banner title of the unit, named a year ago without a campaign (imported): granted by the unit's region. */
    private long named(Unit unit) {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "恶意输入测试");
        designations.recordNaming(id, TestClock.today().minusYears(1), "奈民创办发〔2025〕" + id + "号",
                TestClock.today().plusYears(4), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, "admin", "测试：导入命名", null,
                TestClock.START.toOffsetDateTime());
        return id;
    }

    private static Map<String, Map<String, Variable<?>>> contracts() {
        Map<String, Map<String, Variable<?>>> byKey = new TreeMap<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(ProcessContract.class));
        scanner.findCandidateComponents("org.ethnicunity.platform").forEach(definition -> {
            try {
                ProcessContract contract = (ProcessContract) Class.forName(definition.getBeanClassName()).getDeclaredConstructor().newInstance();
                contract.processKeys().forEach(key -> byKey.put(key, contract.variables()));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        });
        return byKey;
    }
}
