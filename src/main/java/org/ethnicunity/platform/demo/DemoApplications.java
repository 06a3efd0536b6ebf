package org.ethnicunity.platform.demo;

import static org.ethnicunity.platform.nomination.NominationContract.APPROVAL_COMMENT;
import static org.ethnicunity.platform.nomination.NominationContract.APPROVAL_DECISION;
import static org.ethnicunity.platform.nomination.NominationContract.ASSESSMENT_COMMENT;
import static org.ethnicunity.platform.nomination.NominationContract.CAMPAIGN_CODE;
import static org.ethnicunity.platform.nomination.NominationContract.COMMISSION_COMMENT;
import static org.ethnicunity.platform.nomination.NominationContract.COMMISSION_DECISION;
import static org.ethnicunity.platform.nomination.NominationContract.CREATION_SUMMARY;
import static org.ethnicunity.platform.nomination.NominationContract.PRELIM_COMMENT;
import static org.ethnicunity.platform.nomination.NominationContract.PRELIM_DECISION;
import static org.ethnicunity.platform.nomination.NominationContract.SELF_SCORE_PREFIX;
import static org.ethnicunity.platform.nomination.NominationContract.SITE_SCORE_PREFIX;
import static org.ethnicunity.platform.nomination.NominationContract.VETO_FRAUD;
import static org.ethnicunity.platform.nomination.NominationContract.VETO_LEADER_VIOLATION;
import static org.ethnicunity.platform.nomination.NominationContract.VETO_MASS_INCIDENT;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.registry.UnitRepository;
import org.ethnicunity.platform.registry.UnitType;
import org.ethnicunity.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.nomination.NominationContract.ApprovalDecision;
import org.ethnicunity.platform.nomination.NominationContract.CommissionVerdict;
import org.ethnicunity.platform.nomination.NominationContract.PreliminaryVerdict;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Applications of 奈曼旗's banner campaign already through review and approval, so a newcomer can try
 * 批量命名发文 at once (docs/naming.md): {@code app.demo.naming-batch} of them (default 4) are walked
 * through the nomination as the demo users would, all but the last past their public notice (the
 * last stays in notice, listed apart on the naming task). Their contacts are {@code ua1}, {@code ua2},
 * … (password demo). Created once, with the rest of the demo data.
 */
@Component
@Profile("dev")
@Order(11)
class DemoApplications implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);
    private static final List<String> NAMES = List.of("奈曼旗实验小学", "奈曼旗蒙医医院", "青龙山镇团结村", "八仙筒镇中心学校",
            "奈曼旗政务服务中心", "东明镇和谐社区");
    private static final List<UnitType> TYPES = List.of(UnitType.SCHOOL, UnitType.ENTERPRISE, UnitType.COMMUNITY,
            UnitType.SCHOOL, UnitType.AGENCY, UnitType.COMMUNITY);

    private final int count;
    private final IdentityService identity;
    private final FormService forms;
    private final TaskService tasks;
    private final ManagementService management;
    private final RepositoryService repository;
    private final UnitRepository units;
    private final CampaignRepository campaigns;
    private final BusinessClock clock;

    DemoApplications(@Value("${app.demo.naming-batch:4}") int count, IdentityService identity, FormService forms,
                     TaskService tasks, ManagementService management, RepositoryService repository, UnitRepository units,
                     CampaignRepository campaigns, BusinessClock clock) {
        this.count = Math.min(count, NAMES.size());
        this.identity = identity;
        this.forms = forms;
        this.tasks = tasks;
        this.management = management;
        this.repository = repository;
        this.units = units;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String campaign = clock.today().getYear() + "-BANNER-150525";
        if (count <= 0 || campaigns.findByCode(campaign).isEmpty() || identity.createUserQuery().userId("ua1").count() > 0) {
            return;
        }
        for (int i = 0; i < count; i++) {
            Unit unit = unit(i);
            String instance = apply(unit, campaign);
            complete(instance, "PreliminaryReview", "prelim1", values(PRELIM_DECISION, PreliminaryVerdict.PASS, PRELIM_COMMENT, "材料齐全"));
            complete(instance, "CommissionReview", "commission1", values(COMMISSION_DECISION, CommissionVerdict.PASS, COMMISSION_COMMENT, "符合条件"));
            for (String assessor : List.of("assessor1", "assessor2")) {
                complete(instance, "SiteAssessment", assessor, assessment(i));
            }
            complete(instance, "LeadingGroupApproval", "leader1", values(APPROVAL_DECISION, ApprovalDecision.APPROVE, APPROVAL_COMMENT, "同意"));
            if (i < count - 1) {
                // The five working days of the notice, skipped: the timer fires now.
                management.createJobQuery().processInstanceId(instance).timers().list()
                        .forEach(job -> management.executeJob(job.getId()));
            }
        }
        log.info("Demo data: {} applications of {} ready for 批量命名发文 (one still in public notice)", count, campaign);
    }

    private Unit unit(int i) {
        String id = "ua" + (i + 1);
        User user = identity.newUser(id);
        user.setFirstName("联系人（" + NAMES.get(i) + "）");
        user.setLastName("");
        user.setEmail(id + "@demo.example");
        user.setPassword(DemoData.PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, Roles.UNIT_CONTACTS);
        return units.insert(new Unit(null, NAMES.get(i), TYPES.get(i), "150525", id, "联系人" + (i + 1), id + "@demo.example"));
    }

    private String apply(Unit unit, String campaign) {
        Map<String, Object> v = scores(SELF_SCORE_PREFIX, 19, 23, 18, 14, 13, 24);
        CAMPAIGN_CODE.put(v, campaign);
        CREATION_SUMMARY.put(v, "开展铸牢中华民族共同体意识宣传教育，建立民族团结进步创建台账，组织“石榴籽”志愿服务活动。");
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey("nomination").latestVersion()
                .singleResult().getId();
        return as(unit.contactUser(), () -> forms.submitStartForm(definition, v).getId());
    }

    private Map<String, Object> assessment(int i) {
        Map<String, Object> v = scores(SITE_SCORE_PREFIX, 18 + i % 2, 22, 18, 14, 13, 23);
        VETO_MASS_INCIDENT.put(v, false);
        VETO_FRAUD.put(v, false);
        VETO_LEADER_VIOLATION.put(v, false);
        ASSESSMENT_COMMENT.put(v, "实地查看了创建活动阵地，查阅了活动台账。");
        return v;
    }

    /** A decision form's two fields, in the contract's names and stored forms. */
    private static <D> Map<String, Object> values(Variable<D> decision, D choice, Variable<String> comment, String text) {
        Map<String, Object> values = new HashMap<>();
        decision.put(values, choice);
        return comment.put(values, text);
    }

    private static Map<String, Object> scores(String prefix, Number... values) {
        String[] codes = {"leadership", "consciousness", "exchange", "publicity", "governance", "achievement"};
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < codes.length; i++) {
            map.put(prefix + codes[i], values[i]);
        }
        return map;
    }

    private void complete(String instance, String taskKey, String user, Map<String, Object> values) {
        as(user, () -> {
            Task task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).taskUnassigned()
                    .list().get(0);
            tasks.claim(task.getId(), user);
            forms.submitTaskForm(task.getId(), values);
            return null;
        });
    }

    private <T> T as(String user, java.util.function.Supplier<T> action) {
        List<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
        identity.setAuthentication(user, groups);
        try {
            return action.get();
        } finally {
            identity.clearAuthentication();
        }
    }
}
