package org.ethnicunity.platform.nomination;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;

/**
 * Drives nomination instances the way people do: through the form service, authenticated as the
 * demo users of region 150525, so that authorizations and form checks apply. Every test gets fresh
 * units and campaigns, so tests do not see each other's data.
 */
public class NominationFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String PASSWORD_PREFIX = "secret-";
    public static final Map<String, Object> GOOD_SCORES = scores("selfScore_", 18, 22, 18, 13, 13, 22);

    private final ProcessEngine engine;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final IndicatorSetRepository indicatorSets;
    private final List<String> started = new java.util.ArrayList<>();

    public NominationFixture(ProcessEngine engine, UnitRepository units, CampaignRepository campaigns,
                             IndicatorSetRepository indicatorSets) {
        this.engine = engine;
        this.units = units;
        this.campaigns = campaigns;
        this.indicatorSets = indicatorSets;
    }

    /** Six category scores in the sample set's order, as form variables with the prefix. */
    public static Map<String, Object> scores(String prefix, Number... values) {
        String[] codes = {"leadership", "consciousness", "exchange", "publicity", "governance", "achievement"};
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(prefix + codes[i], values[i]);
        }
        return map;
    }

    public Unit newUnit(String regionCode) {
        int n = SEQUENCE.incrementAndGet();
        String user = "contact" + n + "x" + System.nanoTime() % 100000;
        IdentityService identity = engine.getIdentityService();
        User contact = identity.newUser(user);
        contact.setFirstName("联系人" + n);
        contact.setLastName("");
        contact.setEmail(user + "@test.example");
        contact.setPassword(PASSWORD_PREFIX + user);
        identity.saveUser(contact);
        identity.createMembership(user, Roles.UNIT_CONTACTS);
        return units.insert(new Unit(null, "测试单位" + n + "-" + user, UnitType.SCHOOL, regionCode, user,
                "联系人" + n, user + "@test.example"));
    }

    /** The password of the contact user that {@link #newUnit} created. */
    public String passwordOf(Unit unit) {
        return PASSWORD_PREFIX + unit.contactUser();
    }

    public Campaign newCampaign(Level level, String regionCode, Integer quota, LocalDate start, LocalDate end) {
        int n = SEQUENCE.incrementAndGet();
        long setId = indicatorSets.ids().stream()
                .filter(id -> indicatorSets.find(id).orElseThrow().level().equals(level.name())).findFirst().orElseThrow();
        return campaigns.insert(new Campaign(null, "T" + n + "-" + System.nanoTime() % 1000000, "测试批次" + n, level,
                start.getYear(), regionCode, start, end, quota, setId));
    }

    public Campaign openBannerCampaign(Integer quota) {
        return newCampaign(Level.BANNER, "150525", quota, TestClock.today().minusDays(30), TestClock.today().plusDays(30));
    }

    public ProcessInstance apply(Unit unit, Campaign campaign) {
        Map<String, Object> variables = new HashMap<>(GOOD_SCORES);
        variables.put("campaignCode", campaign.code());
        variables.put("creationSummary", "开展铸牢中华民族共同体意识教育，组织民族团结进步宣传月活动。");
        variables.put("attachments", "https://example.test/materials/" + unit.id());
        ProcessInstance instance = as(unit.contactUser(),
                () -> engine.getFormService().submitStartForm(definitionId(), variables));
        started.add(instance.getId());
        return instance;
    }

    /** Ids of the instances this fixture started, for coverage. */
    public List<String> startedInstances() {
        return started;
    }

    public String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("nomination")
                .latestVersion().singleResult().getId();
    }

    /** Claims the open task of the step (if not yet assigned) and submits its form as the user. */
    public void complete(ProcessInstance instance, String taskKey, String user, Map<String, Object> variables) {
        Task task = openTask(instance, taskKey, user);
        as(user, () -> {
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getFormService().submitTaskForm(task.getId(), variables);
            return null;
        });
    }

    public Task openTask(ProcessInstance instance, String taskKey, String user) {
        List<Task> tasks = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(taskKey).list();
        return tasks.stream().filter(t -> t.getAssignee() == null || t.getAssignee().equals(user)).findFirst()
                .orElseThrow(() -> new AssertionError("No open task " + taskKey + " for " + user));
    }

    public void review(ProcessInstance instance, String taskKey, String user, String decisionVariable,
                       String decision, String commentVariable, String comment) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(decisionVariable, decision);
        variables.put(commentVariable, comment);
        complete(instance, taskKey, user, variables);
    }

    public void assess(ProcessInstance instance, String assessor, Map<String, Object> scores, String... vetoes) {
        Map<String, Object> variables = new HashMap<>(scores);
        for (String code : List.of("massIncident", "fraud", "leaderViolation")) {
            variables.put("veto_" + code, List.of(vetoes).contains(code));
        }
        variables.put("assessmentComment", "实地查看了创建活动阵地，查阅了台账。");
        complete(instance, "SiteAssessment", assessor, variables);
    }

    /** Runs the steps up to the leading group's approval with good scores. */
    public void throughAssessment(ProcessInstance instance, Number... siteScores) {
        review(instance, "PreliminaryReview", "prelim1", "prelimDecision", "PASS", "prelimComment", "材料齐全");
        review(instance, "CommissionReview", "commission1", "commissionDecision", "PASS", "commissionComment", "符合条件");
        Map<String, Object> scores = scores("siteScore_", siteScores);
        assess(instance, "assessor1", scores);
        assess(instance, "assessor2", scores);
    }

    /** The commission starts the campaign's naming decision (批量命名发文) as {@code user}. */
    public ProcessInstance startNaming(Campaign campaign, String user) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("naming")
                .latestVersion().singleResult().getId();
        return as(user, () -> engine.getFormService().submitStartForm(definition, Map.of("campaignCode", campaign.code())));
    }

    /** The open naming task (命名发文) of the naming instance. */
    public Task namingTask(ProcessInstance naming) {
        return engine.getTaskService().createTaskQuery().processInstanceId(naming.getId()).taskDefinitionKey("ConfirmNaming")
                .singleResult();
    }

    /** Names whatever the campaign's list holds now, under one document number dated today (Beijing time). */
    public ProcessInstance nameBatch(Campaign campaign, String documentNumber) {
        ProcessInstance naming = startNaming(campaign, "commission1");
        decideNaming(naming, "commission1", Map.of("namingDecision", "NAME", "documentNumber", documentNumber,
                "namingDate", today().toString()));
        return naming;
    }

    public void decideNaming(ProcessInstance naming, String user, Map<String, Object> values) {
        Task task = namingTask(naming);
        as(user, () -> {
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getFormService().submitTaskForm(task.getId(), values);
            return null;
        });
    }

    public static LocalDate today() {
        return org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().toInstant()
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate();
    }

    public <T> T as(String user, java.util.function.Supplier<T> action) {
        IdentityService identity = engine.getIdentityService();
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
