package org.ethnicunity.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.ethnicunity.platform.RestClient;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.WebappSession;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.security.AuthorizationMatrix.Cell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Walks every cell of the authorization matrix in docs/security.md over REST, as real users of each
 * role of region 150525 (and anonymously), against work of their own region or unit and of another
 * (150522, or another unit). A refused call must change nothing: each probe compares the state it
 * could have touched before and after. The write probes try every door: {@code /engine-rest}, its
 * {@code /engine/default} form and the web apps' {@code /camunda/api/engine} with a login session.
 */
class AuthorizationMatrixTest extends IntegrationTest {

    private static final String OWN = "150525";
    private static final String FOREIGN = "150522";
    private static final String UNITS = Roles.UNIT_CONTACTS;
    private static final String ALLOWED = "allowed";
    private static final String REFUSED = "refused";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** Who acts for each role: demo users of 奈曼旗 (150525); unit contacts are made per test. */
    private static final Map<String, String> ACTORS = Map.of(Roles.PRELIMINARY, "prelim1", Roles.COMMISSION, "commission1",
            Roles.ASSESSOR, "assessor1", Roles.LEADING_GROUP, "leader1", Roles.SUPERVISION, "supervisor1", Roles.ADMIN, "admin");
    /** Who moves an application along in each region (150522's are made by the test). */
    private static final Map<String, List<String>> REVIEWERS = Map.of(
            OWN, List.of("prelim1", "commission1", "assessor1", "assessor2", "leader1"),
            FOREIGN, List.of("prelim2", "mxcommission150522", "mxassessor150522", "mxassessorb150522", "mxleading150522"));
    /** The steps of an application up to the leading group, two assessors each scoring it. */
    private static final List<String> PATH = List.of("PreliminaryReview", "CommissionReview", "SiteAssessment",
            "SiteAssessment", "LeadingGroupApproval");
    /** The task each role works on; roles without tasks are tried on the preliminary review. */
    private static final Map<String, String> STAGE_OF = Map.of(UNITS, "SubmitMoreMaterial", Roles.PRELIMINARY,
            "PreliminaryReview", Roles.COMMISSION, "CommissionReview", Roles.ASSESSOR, "SiteAssessment",
            Roles.LEADING_GROUP, "LeadingGroupApproval");

    @LocalServerPort int port;
    @Autowired UnitRepository units;
    @Autowired CampaignRepository campaigns;
    @Autowired IndicatorSetRepository indicatorSets;
    @Autowired DesignationRepository designations;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private RestClient rest;
    private NominationFixture fixture;
    private final Map<String, Campaign> campaignOf = new HashMap<>();
    private final Map<String, Target> cached = new HashMap<>();
    private final Map<String, WebappSession> sessions = new HashMap<>();

    /** A piece of work the probes act on: an application at the role's stage, or only a unit. */
    private record Target(String region, Unit unit, String instance, String task, Long designation) {
    }

    private record Actor(String user, String password) {
    }

    private record Probe(boolean mutates, BiFunction<Actor, Target, String> run) {
    }

    @BeforeEach
    void setUp() {
        rest = new RestClient(port);
        fixture = new NominationFixture(engine, units, campaigns, indicatorSets);
        Map<String, String> foreignReviewers = Map.of("mxcommission150522", Roles.COMMISSION, "mxassessor150522",
                Roles.ASSESSOR, "mxassessorb150522", Roles.ASSESSOR, "mxleading150522", Roles.LEADING_GROUP);
        for (var reviewer : foreignReviewers.entrySet()) {
            String id = reviewer.getKey();
            String role = reviewer.getValue();
            if (engine.getIdentityService().createUserQuery().userId(id).count() == 0) {
                User user = engine.getIdentityService().newUser(id);
                user.setFirstName(id);
                user.setLastName("");
                user.setPassword("secret-" + id);
                engine.getIdentityService().saveUser(user);
                if (engine.getIdentityService().createGroupQuery().groupId(Roles.group(role, FOREIGN)).count() == 0) {
                    engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup(Roles.group(role, FOREIGN)));
                }
                engine.getIdentityService().createMembership(id, Roles.group(role, FOREIGN));
            }
        }
    }

    @Test
    void theMatrixNamesEveryRoleAndEveryProcess() throws IOException {
        AuthorizationMatrix matrix = AuthorizationMatrix.read(Path.of("docs/security.md"));
        Set<String> roles = new TreeSet<>(Roles.REGIONAL);
        roles.addAll(List.of(Roles.UNIT_CONTACTS, Roles.ADMIN, AuthorizationMatrix.ANONYMOUS));
        assertThat(matrix.roles()).as("columns of docs/security.md").containsExactlyInAnyOrderElementsOf(roles);
        Set<String> starts = new TreeSet<>();
        matrix.actions().keySet().stream().filter(a -> a.startsWith("start:")).forEach(a -> starts.add(a.substring(6)));
        assertThat(starts).as("start: rows of docs/security.md").containsExactlyInAnyOrderElementsOf(processKeys());
        assertThat(matrix.actions().keySet().stream().filter(a -> !a.startsWith("start:")))
                .as("every action has a probe in this test").allMatch(probes()::containsKey);
    }

    @Test
    void everyCellOfTheMatrixHolds() throws IOException {
        AuthorizationMatrix matrix = AuthorizationMatrix.read(Path.of("docs/security.md"));
        Map<String, Probe> probes = probes();
        List<String> problems = new ArrayList<>();
        int walked = 0;
        for (var row : matrix.actions().entrySet()) {
            String action = row.getKey();
            Probe probe = action.startsWith("start:") ? startProbe(action.substring(6)) : probes.get(action);
            for (var column : row.getValue().entrySet()) {
                String role = column.getKey();
                Cell cell = column.getValue();
                boolean startProbe = action.startsWith("start:");
                Target own = startProbe ? unitOnly(OWN) : cell.allowsOwn() && probe.mutates() ? fresh(role, OWN) : cached(role, OWN);
                Actor actor = actor(role, own);
                check(problems, action, role, "own " + (UNITS.equals(role) ? "unit" : "region"), cell.allowsOwn(),
                        probe.run().apply(actor, own));
                walked++;
                if (cell.allowsOwn() && cell != Cell.NOT_OFFERED) {
                    Target foreign = startProbe ? unitOnly(UNITS.equals(role) ? OWN : FOREIGN)
                            : UNITS.equals(role) ? cached("other-unit", OWN)
                            : cell.allowsForeign() && probe.mutates() ? fresh(role, FOREIGN) : cached(role, FOREIGN);
                    check(problems, action, role, UNITS.equals(role) ? "another unit" : "another region",
                            cell.allowsForeign(), probe.run().apply(actor, foreign));
                    walked++;
                }
            }
        }
        assertThat(problems).as("cells of docs/security.md that do not hold (" + walked + " walked)").isEmpty();
    }

    /** The two calls an integrator found open: prelim2 of 科左后旗 on a task of 科左后旗. */
    @Test
    void theVariableAndAssigneeCallsFoundInReviewAreRefusedAndChangeNothing() {
        Target target = fresh(Roles.PRELIMINARY, FOREIGN);
        Map<String, Object> before = engine.getRuntimeService().getVariables(target.instance());
        RestClient.Response variables = rest.post("prelim2", "demo", "/engine-rest/task/" + target.task() + "/variables",
                Map.of("modifications", Map.of("designationId", Map.of("value", 1, "type", "Long"),
                        "campaignRegionCode", Map.of("value", "150525"))));
        assertThat(variables.status()).isEqualTo(403);
        assertThat(variables.body().get("message").asText()).startsWith("您无权执行此操作");
        RestClient.Response assignee = rest.post("prelim2", "demo", "/engine-rest/task/" + target.task() + "/assignee",
                Map.of("userId", "prelim1"));
        assertThat(assignee.status()).isEqualTo(403);
        assertThat(engine.getRuntimeService().getVariables(target.instance())).isEqualTo(before);
        assertThat(task(target).getAssignee()).isNull();
        // The task still goes to 科左后旗's reviewers, and to them only.
        assertThat(engine.getTaskService().getIdentityLinksForTask(target.task())).extracting(IdentityLink::getGroupId)
                .containsExactly("prelim-150522");
    }

    @Test
    void aReviewerClaimsForThemselfAndUnclaimsOnlyTheirOwnTask() {
        Target target = fresh(Roles.PRELIMINARY, OWN);
        String path = "/engine-rest/task/" + target.task();
        RestClient.Response forOther = rest.post("prelim1", "demo", path + "/claim", Map.of("userId", "prelim2"));
        assertThat(forOther.status()).isEqualTo(403);
        assertThat(forOther.body().get("message").asText()).contains("只能为本人认领任务");
        engine.getTaskService().claim(target.task(), "assessor1"); // somebody else holds it
        assertThat(rest.post("prelim1", "demo", path + "/unclaim", Map.of()).status()).isEqualTo(403);
        assertThat(task(target).getAssignee()).isEqualTo("assessor1");
        engine.getTaskService().setAssignee(target.task(), null);
        RestClient.Response claim = rest.post("prelim1", "demo", path + "/claim", Map.of("userId", "prelim1"));
        assertThat(claim.status()).as(claim.raw()).isEqualTo(204);
        RestClient.Response unclaimOwn = rest.post("prelim1", "demo", path + "/unclaim", Map.of());
        assertThat(unclaimOwn.status()).as(unclaimOwn.raw()).isEqualTo(204);
        assertThat(task(target).getAssignee()).isNull();

        // The unit's resubmission is assigned to its contact with no candidates: unclaimed, it would be nobody's.
        Target returned = fresh(UNITS, OWN);
        RestClient.Response unclaim = rest.post(returned.unit().contactUser(), fixture.passwordOf(returned.unit()),
                "/engine-rest/task/" + returned.task() + "/unclaim", Map.of());
        assertThat(unclaim.status()).isEqualTo(403);
        assertThat(task(returned).getAssignee()).isEqualTo(returned.unit().contactUser());
    }

    /** A start "before" a later step would skip the model's own checks (who, which region, which state). */
    @Test
    void aProcessStartsAtItsStartEventOnly() {
        Unit unit = fixture.newUnit(OWN);
        long named = designations.insert(unit.id(), Level.BANNER, null,
                org.ethnicunity.platform.registry.DesignationStatus.NAMED, null, "矩阵测试");
        long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("exit").count();
        RestClient.Response r = rest.post("commission1", "demo", "/engine-rest/process-definition/key/exit/start", Map.of(
                "variables", Map.of("designationId", Map.of("value", named, "type", "Long")),
                "startInstructions", List.of(Map.of("type", "startBeforeActivity", "activityId", "RevokeTitle"))));
        assertThat(r.status()).as(r.raw()).isEqualTo(403);
        assertThat(r.body().get("message").asText()).contains("流程只能从开始事件发起");
        RestClient.Response skipping = rest.post("commission1", "demo", "/engine-rest/process-definition/key/exit/start",
                Map.of("variables", Map.of("designationId", Map.of("value", named, "type", "Long")), "skipCustomListeners", true));
        assertThat(skipping.status()).as("Camunda refuses skipping listeners at the default start").isGreaterThanOrEqualTo(400);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey("exit").count())
                .isEqualTo(before);
        assertThat(designations.find(named).orElseThrow().status())
                .isEqualTo(org.ethnicunity.platform.registry.DesignationStatus.NAMED);
    }

    /** Spellings of a path that Jersey routes to the same resource are judged as that resource. */
    @Test
    void matrixParametersEscapesAndSlashesDoNotGetAroundTheAllowList() {
        Target target = fresh(Roles.PRELIMINARY, OWN);
        String before = state(target);
        for (String statistics : List.of("/engine-rest/process-definition/statistics;x=1",
                "/engine-rest/process-definition/%73tatistics", "/engine-rest/process-definition/statistics/",
                "/engine-rest//process-definition/statistics")) {
            assertThat(rest.get("prelim1", "demo", statistics).status()).as(statistics).isIn(403, 404);
        }
        for (String variables : List.of("/engine-rest/task/" + target.task() + "/%76ariables",
                "/engine-rest/task/" + target.task() + "/variables;a=b", "/engine-rest/task/" + target.task() + "//variables",
                "/engine-rest/task/" + target.task() + ";a=b/variables")) {
            RestClient.Response r = rest.post("prelim1", "demo", variables,
                    Map.of("modifications", Map.of("campaignRegionCode", Map.of("value", "150522"))));
            assertThat(r.status()).as(variables).isIn(403, 404);
        }
        assertThat(state(target)).isEqualTo(before);
        assertThat(EngineApiAccessFilter.normalize("/engine-rest/task/1;x=2/variables/")).isEqualTo("/engine-rest/task/1/variables");
    }

    @Test
    void tasklistsOwnCallsStillWork() {
        Target target = fresh(Roles.PRELIMINARY, OWN);
        WebappSession tasklist = session(new Actor("prelim1", "demo"));
        String engineApi = "/camunda/api/engine/engine/default";
        assertThat(tasklist.get(engineApi + "/task?processInstanceId=" + target.instance()).body()).hasSize(1);
        assertThat(tasklist.get(engineApi + "/task/" + target.task() + "/deployed-form").status()).isEqualTo(200);
        assertThat(tasklist.get(engineApi + "/identity/groups?userId=prelim1").status()).isEqualTo(200);
        assertThat(tasklist.get(engineApi + "/identity/groups?userId=prelim2").status()).isEqualTo(403);
        assertThat(tasklist.get(engineApi + "/user/prelim1/profile").status()).isEqualTo(200);
        assertThat(tasklist.get(engineApi + "/filter?resourceType=Task").status()).isEqualTo(200);
        assertThat(tasklist.send("POST", engineApi + "/task/" + target.task() + "/claim", "{\"userId\":\"prelim1\"}").status())
                .isEqualTo(204);
        assertThat(tasklist.send("POST", engineApi + "/task/" + target.task() + "/submit-form",
                "{\"variables\":{\"prelimDecision\":{\"value\":\"PASS\"},\"prelimComment\":{\"value\":\"同意\"}}}").status())
                .isEqualTo(204);
        assertThat(engine.getTaskService().createTaskQuery().taskId(target.task()).count()).isZero();
    }

    // ---------------------------------------------------------------- the probes, one per action

    private Map<String, Probe> probes() {
        Map<String, Probe> probes = new HashMap<>();
        probes.put("list", new Probe(false, (a, t) -> {
            RestClient.Response r = rest.get(a.user(), a.password(), "/engine-rest/task?processInstanceId=" + t.instance());
            return ok(r) && r.body().findValuesAsText("id").contains(t.task()) ? ALLOWED
                    : refused(r) || ok(r) ? REFUSED : "answered " + r.status();
        }));
        probes.put("read", new Probe(false, (a, t) -> {
            RestClient.Response r = rest.get(a.user(), a.password(), "/engine-rest/task/" + t.task() + "/form-variables");
            return ok(r) ? ALLOWED : refused(r) ? REFUSED : "answered " + r.status();
        }));
        probes.put("claim", new Probe(true, (a, t) -> {
            String before = task(t).getAssignee();
            Map<String, Object> body = new HashMap<>();
            body.put("userId", a.user());
            RestClient.Response r = rest.post(a.user(), a.password(), "/engine-rest/task/" + t.task() + "/claim", body);
            String after = task(t).getAssignee();
            return verdict(r, ok(r) && Objects.equals(after, a.user()), Objects.equals(before, after), "assignee " + before + " → " + after);
        }));
        probes.put("comment", new Probe(true, (a, t) -> {
            int before = engine.getTaskService().getTaskComments(t.task()).size();
            RestClient.Response r = rest.post(a.user(), a.password(), "/engine-rest/task/" + t.task() + "/comment/create",
                    Map.of("message", "矩阵测试意见"));
            int after = engine.getTaskService().getTaskComments(t.task()).size();
            return verdict(r, ok(r) && after == before + 1, after == before, "comments " + before + " → " + after);
        }));
        probes.put("complete", new Probe(true, (a, t) -> {
            Map<String, Object> before = engine.getRuntimeService().getVariables(t.instance());
            RestClient.Response r = rest.post(a.user(), a.password(), "/engine-rest/task/" + t.task() + "/submit-form",
                    RestClient.variables(formValues(task(t).getTaskDefinitionKey())));
            boolean open = engine.getTaskService().createTaskQuery().taskId(t.task()).count() == 1;
            return verdict(r, ok(r) && !open, open && before.equals(engine.getRuntimeService().getVariables(t.instance())),
                    "task open: " + open);
        }));
        probes.put("reassign", new Probe(true, this::reassign));
        probes.put("variables", new Probe(true, this::changeVariables));
        probes.put("instances", new Probe(true, this::changeInstance));
        probes.put("history", new Probe(false, this::readHistory));
        probes.put("deploy", new Probe(true, this::deploy));
        probes.put("registry", new Probe(false, (a, t) -> {
            RestClient.Response r = rest.get(a.user(), a.password(), "/api/designations/" + t.designation());
            return ok(r) ? ALLOWED : refused(r) ? REFUSED : "answered " + r.status();
        }));
        probes.put("dossier", new Probe(false, (a, t) -> {
            RestClient.Response r = rest.get(a.user(), a.password(), "/api/designations/" + t.designation() + "/dossier.pdf");
            return ok(r) && r.raw().startsWith("%PDF") ? ALLOWED : refused(r) ? REFUSED : "answered " + r.status();
        }));
        probes.put("statistics", new Probe(false, (a, t) -> {
            RestClient.Response r = rest.get(a.user(), a.password(), "/api/statistics?regionCode=" + t.region());
            return ok(r) && r.body().has("counts") ? ALLOWED : refused(r) ? REFUSED : "answered " + r.status();
        }));
        probes.put("export", new Probe(false, this::export));
        probes.put("import", new Probe(false, this::importUnit)); // makes its own unit: no fresh target needed
        probes.put("public-notice", new Probe(false, (a, t) -> {
            var r = session(a).page("/public/notices");
            return r.statusCode() == 200 && r.body().contains("民族团结进步示范单位评选公示") ? ALLOWED : REFUSED;
        }));
        probes.put("attachments", new Probe(false, (a, t) -> {
            var r = session(a).page("/attachments/task/" + t.task());
            return r.statusCode() == 200 && r.body().contains("附件材料：") ? ALLOWED
                    : r.statusCode() == 404 || r.statusCode() == 403 || r.body().contains("请先登录") ? REFUSED
                    : "answered " + r.statusCode();
        }));
        probes.put("campaign", new Probe(true, this::openCampaign));
        probes.put("national-import", new Probe(true, this::importNational));
        probes.put("users", new Probe(true, this::manageUsers));
        probes.put("cockpit", new Probe(false, (a, t) -> {
            RestClient.Response r = session(a).get("/camunda/api/cockpit/plugin/base/default/process-definition/statistics-count");
            return ok(r) ? ALLOWED : refused(r) ? REFUSED : "answered " + r.status();
        }));
        return probes;
    }

    /** One row of a national named list for the target's unit, which holds a region-level title. */
    private String importNational(Actor a, Target t) {
        if (designations.findByUnitAndLevel(t.unit().id(), Level.REGION,
                org.ethnicunity.platform.registry.DesignationStatus.HOLDING).isEmpty()) {
            long region = designations.insert(t.unit().id(), Level.REGION, null,
                    org.ethnicunity.platform.registry.DesignationStatus.NAMED, null, "矩阵测试");
            designations.recordNaming(region, TestClock.today().minusYears(1), "矩阵测试〔2025〕1号",
                    TestClock.today().plusYears(4), false);
        }
        RestClient.Response r = rest.post(a.user(), a.password(), "/api/designations/national", List.of(Map.of(
                "unitId", t.unit().id(), "documentNumber", "矩阵测试〔2026〕1号", "namedDate", TestClock.today().toString())));
        boolean national = designations.findByUnit(t.unit().id()).stream().anyMatch(d -> d.level() == Level.NATIONAL);
        return verdict(r, r.status() == 201 && national, !national, national ? "national title recorded" : "none");
    }

    /** The designation list's export filtered to the target's unit: allowed when the workbook holds its row. */
    private String export(Actor a, Target t) {
        try {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + port + "/api/registry/designations.xlsx?q="
                            + java.net.URLEncoder.encode(t.unit().name(), java.nio.charset.StandardCharsets.UTF_8))).GET();
            if (a.user() != null) {
                request.header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        (a.user() + ":" + a.password()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
            var answer = java.net.http.HttpClient.newHttpClient().send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                return answer.statusCode() == 401 || answer.statusCode() == 403 ? REFUSED : "answered " + answer.statusCode();
            }
            try (var workbook = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(answer.body()));
                 var rows = workbook.getFirstSheet().openStream()) {
                boolean holds = rows.anyMatch(row -> String.valueOf(t.designation()).equals(row.getCellText(0)));
                return holds ? ALLOWED : REFUSED;
            }
        } catch (Exception e) {
            return "export failed: " + e;
        }
    }

    /** One unit of the target's region imported from a one-row workbook: allowed when the unit is registered. */
    private String importUnit(Actor a, Target t) {
        String name = "矩阵导入单位" + SEQUENCE.incrementAndGet();
        try {
            java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
            var workbook = new org.dhatim.fastexcel.Workbook(file, "test", "1.0");
            var sheet = workbook.newWorksheet("单位");
            List<String> header = List.of("单位名称", "单位类型", "行政区划代码", "联系人账号", "联系人姓名", "联系人邮箱");
            List<String> row = List.of(name, "学校", t.region(), "unit1", "王丽", "unit1@demo.example");
            for (int c = 0; c < header.size(); c++) {
                sheet.value(0, c, header.get(c));
                sheet.value(1, c, row.get(c));
            }
            workbook.finish();
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                            "http://127.0.0.1:" + port + "/api/registry/units/import?mode=ALL"))
                    .header("Content-Type", "application/octet-stream")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(file.toByteArray()));
            RestClient.Response r = rest.send(a.user(), a.password(), request);
            boolean registered = units.findByName(name, t.region()).isPresent();
            return verdict(r, ok(r) && registered, !registered, "unit registered: " + registered);
        } catch (java.io.IOException e) {
            return "import failed: " + e;
        }
    }

    private String reassign(Actor a, Target t) {
        String other = Roles.ADMIN.equals(role(a)) ? "prelim1" : "prelim2";
        String before = state(t);
        String task = "/task/" + t.task();
        RestClient.Response first = rest.post(a.user(), a.password(), "/engine-rest" + task + "/assignee", Map.of("userId", other));
        if (ok(first)) {
            return Objects.equals(task(t).getAssignee(), other) ? ALLOWED : "assignee call answered 204 but did nothing";
        }
        List<RestClient.Response> rest = List.of(first,
                this.rest.post(a.user(), a.password(), "/engine-rest" + task + "/delegate", Map.of("userId", other)),
                this.rest.post(a.user(), a.password(), "/engine-rest" + task + "/identity-links",
                        Map.of("groupId", "prelim-150522", "type", "candidate")),
                this.rest.request(a.user(), a.password(), "PUT", "/engine-rest" + task,
                        Map.of("name", "改过的任务", "assignee", other)),
                this.rest.post(a.user(), a.password(), "/engine-rest" + task + "/claim", Map.of("userId", other)),
                this.rest.post(a.user(), a.password(), "/engine-rest/engine/default" + task + "/assignee", Map.of("userId", other)),
                webapp(a, "POST", task + "/assignee", "{\"userId\":\"" + other + "\"}"));
        return allRefused(rest, before, state(t));
    }

    private String changeVariables(Actor a, Target t) {
        String before = state(t);
        String task = "/task/" + t.task();
        String process = "/process-instance/" + t.instance();
        Map<String, Object> redirect = Map.of("modifications", Map.of("designationId", Map.of("value", 1, "type", "Long"),
                "campaignRegionCode", Map.of("value", "150522")));
        RestClient.Response first = rest.post(a.user(), a.password(), "/engine-rest" + task + "/variables",
                Roles.ADMIN.equals(role(a)) ? Map.of("modifications", Map.of("adminNote", Map.of("value", "管理员备注"))) : redirect);
        if (ok(first)) {
            return "管理员备注".equals(engine.getRuntimeService().getVariable(t.instance(), "adminNote")) ? ALLOWED
                    : "variables call answered 204 but did nothing";
        }
        return allRefused(List.of(first,
                rest.request(a.user(), a.password(), "PUT", "/engine-rest" + task + "/variables/campaignRegionCode",
                        Map.of("value", "150522")),
                rest.request(a.user(), a.password(), "DELETE", "/engine-rest" + task + "/variables/campaignRegionCode", null),
                rest.post(a.user(), a.password(), "/engine-rest" + task + "/localVariables", redirect),
                rest.post(a.user(), a.password(), "/engine-rest" + task + "/variables/campaignRegionCode/data", Map.of()),
                rest.post(a.user(), a.password(), "/engine-rest" + process + "/variables", redirect),
                rest.request(a.user(), a.password(), "PUT", "/engine-rest" + process + "/variables/regionCode",
                        Map.of("value", "150522")),
                rest.post(a.user(), a.password(), "/engine-rest/execution/" + t.instance() + "/localVariables", redirect),
                rest.post(a.user(), a.password(), "/engine-rest/engine/default" + task + "/variables", redirect),
                rest.post(a.user(), a.password(), "/engine-rest" + task + "/submit-form",
                        RestClient.variables(Map.of("designationId", 1))),
                webapp(a, "POST", task + "/variables",
                        "{\"modifications\":{\"campaignRegionCode\":{\"value\":\"150522\"}}}")), before, state(t));
    }

    private String changeInstance(Actor a, Target t) {
        String before = state(t);
        String process = "/process-instance/" + t.instance();
        RestClient.Response first = rest.request(a.user(), a.password(), "PUT", "/engine-rest" + process + "/suspended",
                Map.of("suspended", true));
        if (ok(first)) {
            boolean suspended = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.instance())
                    .suspended().count() == 1;
            engine.getRuntimeService().activateProcessInstanceById(t.instance());
            return suspended ? ALLOWED : "suspension answered 204 but did nothing";
        }
        return allRefused(List.of(first,
                rest.post(a.user(), a.password(), "/engine-rest" + process + "/modification",
                        Map.of("instructions", List.of(Map.of("type", "cancel", "activityId", task(t).getTaskDefinitionKey())))),
                rest.request(a.user(), a.password(), "DELETE", "/engine-rest" + process, null),
                rest.post(a.user(), a.password(), "/engine-rest/process-instance/delete",
                        Map.of("processInstanceIds", List.of(t.instance()), "deleteReason", "矩阵测试")),
                rest.post(a.user(), a.password(), "/engine-rest/process-instance/suspended-async",
                        Map.of("processInstanceIds", List.of(t.instance()), "suspended", true)),
                rest.post(a.user(), a.password(), "/engine-rest/message",
                        Map.of("messageName", "nominationObjection", "processInstanceId", t.instance())),
                rest.post(a.user(), a.password(), "/engine-rest/signal", Map.of("name", "matrixSignal")),
                rest.post(a.user(), a.password(), "/engine-rest/task/create", Map.of("name", "自建任务")),
                rest.request(a.user(), a.password(), "DELETE", "/engine-rest/task/" + t.task(), null),
                rest.post(a.user(), a.password(), "/engine-rest/external-task/fetchAndLock", Map.of("workerId", "w",
                        "maxTasks", 1, "topics", List.of(Map.of("topicName", "any", "lockDuration", 1000)))),
                rest.post(a.user(), a.password(), "/engine-rest/job/any/execute", Map.of()),
                rest.request(a.user(), a.password(), "DELETE", "/engine-rest/history/process-instance/" + t.instance(), null),
                rest.request(a.user(), a.password(), "DELETE", "/engine-rest/batch/any", null),
                webapp(a, "PUT", process + "/suspended", "{\"suspended\":true}")), before, state(t));
    }

    private String readHistory(Actor a, Target t) {
        String id = t.instance();
        List<RestClient.Response> reads = Stream.of("/history/process-instance?processInstanceId=" + id,
                        "/process-instance?processInstanceId=" + id, "/process-instance/" + id,
                        "/history/task?processInstanceId=" + id, "/history/variable-instance?processInstanceId=" + id,
                        "/history/activity-instance?processInstanceId=" + id, "/history/detail?processInstanceId=" + id,
                        "/variable-instance?processInstanceIdIn=" + id,
                        "/execution?processInstanceId=" + id, "/incident", "/job", "/process-definition/statistics",
                        "/history/process-instance/count", "/task/report/candidate-group-count")
                .map(path -> rest.get(a.user(), a.password(), "/engine-rest" + path)).toList();
        if (ok(reads.get(0)) && reads.get(0).body().findValuesAsText("id").contains(id) && ok(reads.get(11))) {
            return ALLOWED;
        }
        List<RestClient.Response> all = new ArrayList<>(reads);
        all.add(webapp(a, "GET", "/history/process-instance?processInstanceId=" + id, null));
        for (RestClient.Response r : all) {
            boolean nothing = refused(r) || ok(r) && (r.body() == null || r.body().isArray() && r.body().isEmpty()
                    || r.body().has("count") && r.body().get("count").asInt() == 0);
            if (!nothing) {
                return "a read returned data: " + r.raw();
            }
        }
        return REFUSED;
    }

    private String deploy(Actor a, Target t) {
        String name = "matrix-probe-" + SEQUENCE.incrementAndGet();
        String boundary = "matrix" + System.nanoTime();
        String model = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\""
                + " xmlns:camunda=\"http://camunda.org/schema/1.0/bpmn\" targetNamespace=\"t\"><process id=\"" + name.replace('-', '_')
                + "\" isExecutable=\"true\" camunda:historyTimeToLive=\"1\"><startEvent id=\"s\"/></process></definitions>";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"deployment-name\"\r\n\r\n" + name + "\r\n--"
                + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; filename=\"" + name + ".bpmn\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + model + "\r\n--" + boundary + "--\r\n";
        RestClient.Response r = rest.send(a.user(), a.password(), java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + port + "/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)));
        var deployed = engine.getRepositoryService().createDeploymentQuery().deploymentName(name).list();
        deployed.forEach(d -> engine.getRepositoryService().deleteDeployment(d.getId(), true));
        return verdict(r, ok(r) && deployed.size() == 1, deployed.isEmpty(), deployed.size() + " deployments");
    }

    private String openCampaign(Actor a, Target t) {
        String code = "MX-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100000;
        Map<String, Object> campaign = new HashMap<>(Map.of("code", code, "name", "矩阵测试批次", "level", "BANNER",
                "year", TestClock.today().getYear(), "regionCode", t.region(), "quota", 30,
                "applicationStart", TestClock.today().toString(), "applicationEnd", TestClock.today().plusDays(30).toString()));
        campaign.put("indicatorSetId", indicatorSets.ids().stream()
                .filter(id -> indicatorSets.find(id).orElseThrow().level().equals("BANNER")).findFirst().orElseThrow());
        RestClient.Response r = rest.post(a.user(), a.password(), "/api/campaigns", campaign);
        boolean exists = campaigns.findByCode(code).isPresent();
        return verdict(r, r.status() == 201 && exists, !exists, "campaign " + code + " exists: " + exists);
    }

    private String manageUsers(Actor a, Target t) {
        String id = "mxnew" + SEQUENCE.incrementAndGet();
        Map<String, Object> user = Map.of("profile", Map.of("id", id, "firstName", "新", "lastName", "用户", "email", id + "@test.example"),
                "credentials", Map.of("password", "Strong#Pass-2026-x"));
        RestClient.Response first = rest.post(a.user(), a.password(), "/engine-rest/user/create", user);
        boolean created = engine.getIdentityService().createUserQuery().userId(id).count() == 1;
        if (Roles.ADMIN.equals(role(a))) {
            engine.getIdentityService().deleteUser(id);
            return ok(first) && created ? ALLOWED : "admin could not create a user: " + first.status();
        }
        String who = a.user() == null ? "prelim1" : a.user();
        long grantsBefore = engine.getAuthorizationService().createAuthorizationQuery().userIdIn(who).count();
        List<RestClient.Response> calls = List.of(first,
                rest.request(a.user(), a.password(), "PUT", "/engine-rest/group/camunda-admin/members/" + who, null),
                rest.post(a.user(), a.password(), "/engine-rest/group/create", Map.of("id", "mxgroup" + id, "name", "x")),
                rest.post(a.user(), a.password(), "/engine-rest/authorization/create", Map.of("type", 1, "permissions",
                        List.of("ALL"), "userId", who, "resourceType", 0, "resourceId", "*")),
                webapp(a, "PUT", "/group/camunda-admin/members/" + who, null));
        boolean unchanged = !created && engine.getIdentityService().createUserQuery().memberOfGroup(Roles.ADMIN).userId(who).count() == 0
                && engine.getIdentityService().createGroupQuery().groupId("mxgroup" + id).count() == 0
                && engine.getAuthorizationService().createAuthorizationQuery().userIdIn(who).count() == grantsBefore;
        return allRefused(calls, "unchanged", unchanged ? "unchanged" : "changed");
    }

    /** Starting the process of this key with its start form filled (nomination, re-inspection, exit, a launch), or a launch member's variables (annual review, report request). */
    private Probe startProbe(String key) {
        return new Probe(true, (a, t) -> {
            long before = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
            Map<String, Object> values = new HashMap<>();
            if ("nomination".equals(key)) {
                values.putAll(NominationFixture.GOOD_SCORES);
                values.put("campaignCode", campaign(t.region()).code());
                values.put("creationSummary", "开展民族团结进步宣传月活动");
                values.put("unitId", t.unit().id());
            }
            if ("naming".equals(key)) {
                // A campaign of the target's region of its own: one naming decision at a time per campaign.
                values.put("campaignCode", fixture.newCampaign(Level.BANNER, t.region(), null,
                        TestClock.today().minusDays(30), TestClock.today().plusDays(30)).code());
            }
            if ("recommendation".equals(key)) {
                // A banner title of the target's unit, recommended to a city campaign of its own.
                long title = designations.insert(t.unit().id(), Level.BANNER, null,
                        org.ethnicunity.platform.registry.DesignationStatus.NAMED, null, "矩阵测试");
                designations.recordNaming(title, TestClock.today().minusYears(1), "矩阵测试〔2025〕2号",
                        TestClock.today().plusYears(4), false);
                Campaign city = campaigns.insert(new Campaign(null, "MX-CITY-" + SEQUENCE.incrementAndGet(), "矩阵测试市级批次",
                        Level.CITY, TestClock.today().getYear(), t.region().substring(0, 4) + "00", TestClock.today().minusDays(1),
                        TestClock.today().plusDays(30), null, indicatorSets.ids().get(0)));
                values.putAll(Map.of("targetCampaignCode", city.code(), "designationIds", String.valueOf(title),
                        "recommendationReasons", "矩阵测试：创建成效突出"));
            }
            if ("launch".equals(key)) {
                // 计划复核 of the target's region: one title there is due (named four years ago).
                long due = designations.insert(t.unit().id(), Level.BANNER, null,
                        org.ethnicunity.platform.registry.DesignationStatus.NAMED, null, "矩阵测试");
                designations.recordNaming(due, TestClock.today().minusYears(4), "矩阵测试〔2022〕1号",
                        TestClock.today().plusYears(1), false);
                values.put("launchKind", "REINSPECTION");
                values.put("regionCode", t.region());
            }
            if ("reinspection".equals(key) || "exit".equals(key) || "annual-review".equals(key)) {
                // A title of the target's unit, granted by its region (no campaign): one per target, as a start uses it up.
                long named = designations.insert(t.unit().id(), Level.BANNER, null,
                        org.ethnicunity.platform.registry.DesignationStatus.NAMED, null, "矩阵测试");
                designations.recordNaming(named, TestClock.today().minusYears(3), "矩阵测试〔2023〕1号",
                        TestClock.today().plusYears(2), false);
                values.put("designationId", named);
                values.putAll("exit".equals(key)
                        ? Map.of("exitGrounds", "FRAUD", "exitGroundsDetail", "矩阵测试：申报材料弄虚作假")
                        : "annual-review".equals(key) ? annualReviewMember(t)
                        : Map.of("reinspectionTrigger", "SCHEDULED", "reinspectionReason", "定期复核"));
            }
            if ("report-request".equals(key)) {
                // What the launcher passes for a unit of the target's region: from a person, even an admin, it is refused.
                values.putAll(Map.of("launchId", 900_000 + SEQUENCE.incrementAndGet(), "launchTitle", "矩阵测试报送",
                        "requesterRegionCode", t.region(), "reportDueDate", TestClock.today().plusDays(10).toString(),
                        "instructions", "矩阵测试", "memberKey", "unit:" + t.unit().id(), "memberType", "UNIT",
                        "memberName", t.unit().name(), "unitContact", t.unit().contactUser(), "regionCode", t.region()));
            }
            RestClient.Response r = rest.post(a.user(), a.password(), "/engine-rest/process-definition/key/" + key + "/submit-form",
                    RestClient.variables(values));
            long after = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key).count();
            boolean noRows = !values.containsKey("launchId") || jdbc.sql(
                    "SELECT count(*) FROM registry.report_submission WHERE launch_id = ?").param(values.get("launchId"))
                    .query(Long.class).single() == 0;
            return verdict(r, ok(r) && after == before + 1, after == before && noRows, "instances " + before + " → " + after);
        });
    }

    /**
     * What a person would send to start one annual review by hand: the variables a launch gives a
     * member. Only a launch starts one (nobody signed in), so every role is refused, administrators too.
     */
    private Map<String, Object> annualReviewMember(Target t) {
        return Map.of("unitId", t.unit().id(), "unitName", t.unit().name(), "unitContact", t.unit().contactUser(),
                "unitContactEmail", t.unit().contactEmail(), "grantingRegionCode", t.region(),
                "indicatorSetId", indicatorSets.latestFor("BANNER", "SCHOOL").orElseThrow(),
                "reviewYear", TestClock.today().getYear(), "reportDueDate", TestClock.today().plusDays(10).toString(),
                "finalDeadline", TestClock.today().plusDays(20).toString());
    }

    // ---------------------------------------------------------------- targets and actors

    /** An application of a new unit of the region at the role's stage. */
    private Target fresh(String role, String region) {
        Unit unit = fixture.newUnit(region);
        ProcessInstance instance = fixture.apply(unit, campaign(region));
        String stage = STAGE_OF.getOrDefault(role, "PreliminaryReview");
        List<String> reviewers = REVIEWERS.get(region);
        if ("SubmitMoreMaterial".equals(stage)) {
            fixture.review(instance, "PreliminaryReview", reviewers.get(0), "prelimDecision", "RETURN", "prelimComment", "请补充材料");
        } else {
            for (int step = 0; step < PATH.size() && !PATH.get(step).equals(stage); step++) {
                fixture.complete(instance, PATH.get(step), reviewers.get(step), formValues(PATH.get(step)));
            }
        }
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(stage)
                .taskUnassigned().list().stream().findFirst()
                .orElseGet(() -> engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                        .taskDefinitionKey(stage).list().get(0));
        return new Target(region, unit, instance.getId(), task.getId(),
                (Long) engine.getRuntimeService().getVariable(instance.getId(), "designationId"));
    }

    private Target cached(String role, String region) {
        return cached.computeIfAbsent(role + "@" + region, k -> fresh(role.equals("other-unit") ? UNITS : role, region));
    }

    /** A new unit of the region with no application yet, for the start probes. */
    private Target unitOnly(String region) {
        return new Target(region, fixture.newUnit(region), null, null, null);
    }

    private Actor actor(String role, Target own) {
        if (AuthorizationMatrix.ANONYMOUS.equals(role)) {
            return new Actor(null, null);
        }
        if (UNITS.equals(role)) {
            return new Actor(own.unit().contactUser(), fixture.passwordOf(own.unit()));
        }
        return new Actor(ACTORS.get(role), "demo");
    }

    private static String role(Actor a) {
        return "admin".equals(a.user()) ? Roles.ADMIN : "actor";
    }

    private Campaign campaign(String region) {
        return campaignOf.computeIfAbsent(region, r -> fixture.newCampaign(Level.BANNER, r, null,
                TestClock.today().minusDays(30), TestClock.today().plusDays(30)));
    }

    private static Map<String, Object> formValues(String taskKey) {
        Map<String, Object> values = new HashMap<>();
        switch (taskKey) {
            case "PreliminaryReview" -> values.putAll(Map.of("prelimDecision", "PASS", "prelimComment", "同意"));
            case "CommissionReview" -> values.putAll(Map.of("commissionDecision", "PASS", "commissionComment", "同意"));
            case "SiteAssessment" -> {
                values.putAll(NominationFixture.scores("siteScore_", 19, 23, 18, 14, 13, 24));
                values.putAll(Map.of("veto_massIncident", false, "veto_fraud", false, "veto_leaderViolation", false,
                        "assessmentComment", "阵地建设规范"));
            }
            case "LeadingGroupApproval" -> values.putAll(Map.of("approvalDecision", "APPROVE", "approvalComment", "同意"));
            case "SubmitMoreMaterial" -> {
                values.putAll(NominationFixture.GOOD_SCORES);
                values.putAll(Map.of("creationSummary", "补充了活动台账", "resubmissionNote", "已补充"));
            }
            default -> throw new IllegalArgumentException("No form values for " + taskKey);
        }
        return values;
    }

    // ---------------------------------------------------------------- verdicts

    private Task task(Target t) {
        return engine.getTaskService().createTaskQuery().taskId(t.task()).singleResult();
    }

    /** What a refused write could have touched: variables, assignee, candidates, name, suspension, tasks. */
    private String state(Target t) {
        Task task = task(t);
        List<String> links = task == null ? List.of() : engine.getTaskService().getIdentityLinksForTask(t.task()).stream()
                .map(l -> l.getType() + ":" + l.getUserId() + ":" + l.getGroupId()).sorted().toList();
        var instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(t.instance()).singleResult();
        return new TreeSet<>(engine.getRuntimeService().getVariables(t.instance()).entrySet().stream()
                .map(String::valueOf).toList()) + " task=" + (task == null ? null : task.getName() + "/" + task.getAssignee())
                + " links=" + links + " suspended=" + (instance == null ? null : instance.isSuspended())
                + " tasks=" + engine.getTaskService().createTaskQuery().processInstanceId(t.instance()).count()
                + " standalone=" + engine.getTaskService().createTaskQuery().taskName("自建任务").count();
    }

    private RestClient.Response webapp(Actor a, String method, String enginePath, String json) {
        return session(a).send(method, "/camunda/api/engine/engine/default" + enginePath, json);
    }

    private WebappSession session(Actor a) {
        if (a.user() == null) {
            return new WebappSession(port);
        }
        return sessions.computeIfAbsent(a.user(), user -> {
            WebappSession session = new WebappSession(port);
            assertThat(session.login(user, a.password())).as("web app login of " + user).isTrue();
            return session;
        });
    }

    private static String allRefused(List<RestClient.Response> calls, String before, String after) {
        for (RestClient.Response r : calls) {
            if (!refused(r)) {
                return "a call was not refused: " + r.status() + " " + r.raw();
            }
        }
        return before.equals(after) ? REFUSED : "refused, but changed: " + before + " → " + after;
    }

    private static String verdict(RestClient.Response r, boolean done, boolean unchanged, String state) {
        if (done) {
            return ALLOWED;
        }
        if (refused(r) && unchanged) {
            return REFUSED;
        }
        return "answered " + r.status() + " with " + state + ": " + r.raw();
    }

    private static boolean ok(RestClient.Response r) {
        return r.status() >= 200 && r.status() < 300;
    }

    /** 401 anonymous, 403 not allowed, 404 not even visible, 400 refused input. */
    private static boolean refused(RestClient.Response r) {
        return r.status() == 400 || r.status() == 401 || r.status() == 403 || r.status() == 404;
    }

    private static void check(List<String> problems, String action, String role, String where, boolean allowed, String outcome) {
        String expected = allowed ? ALLOWED : REFUSED;
        if (!expected.equals(outcome)) {
            problems.add(action + " × " + role + " on " + where + ": expected " + expected + ", got " + outcome);
        }
    }

    /** Keys of the executable processes under bpmn/: what administrators deploy. */
    private static Set<String> processKeys() throws IOException {
        Set<String> keys = new TreeSet<>();
        Pattern process = Pattern.compile("<bpmn:process id=\"([^\"]+)\"[^>]*isExecutable=\"true\"");
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).toList()) {
                Matcher m = process.matcher(Files.readString(file));
                while (m.find()) {
                    keys.add(m.group(1));
                }
            }
        }
        return keys;
    }
}
