package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;

/**
 * Drives re-inspections the way people do: the start form and each task's form, through the form
 * service, authenticated as the demo users of 150525 (commission1, assessor1, assessor2) and the
 * unit's contact. Titles are imported directly (no campaign): the unit's region grants them.
 */
class ReinspectionFixture {

    static final Map<String, Object> GOOD_SITE = NominationFixture.scores("siteScore_", 19, 23, 18, 14, 13, 24);
    static final Map<String, Object> POOR_SITE = NominationFixture.scores("siteScore_", 15, 18, 15, 10, 10, 18);

    private final ProcessEngine engine;
    private final NominationFixture people;
    private final DesignationRepository designations;

    ReinspectionFixture(ProcessEngine engine, NominationFixture people, DesignationRepository designations) {
        this.engine = engine;
        this.people = people;
        this.designations = designations;
    }

    /** A banner title of the unit named on that day, as imported from the paper records. */
    long namedDesignation(Unit unit, LocalDate named) {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(id, named, "奈民创办发〔" + named.getYear() + "〕" + id + "号", named.plusYears(5), false);
        designations.insertEvent(id, null, DesignationStatus.NAMED, "admin", "导入历史命名", null,
                named.atStartOfDay(org.ethnicunity.platform.TestClock.ZONE).toOffsetDateTime());
        return id;
    }

    ProcessInstance start(String user, long designationId, String trigger, String reason) {
        Map<String, Object> form = new HashMap<>();
        form.put("designationId", designationId);
        form.put("reinspectionTrigger", trigger);
        form.put("reinspectionReason", reason);
        return start(user, form);
    }

    ProcessInstance start(String user, Map<String, Object> form) {
        return people.as(user, () -> engine.getFormService().submitStartForm(definitionId(), form));
    }

    String definitionId() {
        return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("reinspection")
                .latestVersion().singleResult().getId();
    }

    void selfInspection(ProcessInstance instance, Unit unit) {
        Map<String, Object> form = new HashMap<>(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 22));
        form.put("selfInspectionReport", "逐项对照指标自查：阵地建设完善，宣传月活动常态化。");
        form.put("selfInspectionAttachments", "https://example.test/self/" + unit.id());
        people.complete(instance, "SelfInspection", unit.contactUser(), form);
    }

    void siteReinspection(ProcessInstance instance, Map<String, Object> scores, String... vetoes) {
        for (String assessor : List.of("assessor1", "assessor2")) {
            Map<String, Object> form = new HashMap<>(scores);
            for (String code : List.of("massIncident", "fraud", "leaderViolation")) {
                form.put("veto_" + code, List.of(vetoes).contains(code));
            }
            form.put("assessmentComment", "实地查看了活动阵地，查阅了台账。");
            people.complete(instance, "SiteReinspection", assessor, form);
        }
    }

    void rectificationReport(ProcessInstance instance, Unit unit) {
        people.complete(instance, "RectificationReport", unit.contactUser(),
                Map.of("rectificationReport", "已健全台账，开展专题教育三次。", "rectificationAttachments", "整改台账"));
    }

    void secondCheck(ProcessInstance instance, String decision, String comment) {
        people.complete(instance, "SecondCheck", "commission1",
                Map.of("secondCheckDecision", decision, "secondCheckComment", comment));
    }
}
