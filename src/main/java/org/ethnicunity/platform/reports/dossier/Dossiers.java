package org.ethnicunity.platform.reports.dossier;

import org.ethnicunity.platform.contract.AnnualFollowUp;
import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.contract.Option;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDetail;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.ProcedureKind;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.registry.CampaignRepository;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationEvent;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.security.Actors;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Gathers a designation's dossier: the registry's record (state changes, assessors' scores, annual
 * reviews, re-inspections and exits) and, from the engine's history, every process instance that
 * acted on it with the steps people completed and what they entered, under the forms' labels. The
 * instances are found through the registry (the naming instance, the events', the procedures' and
 * the annual reviews' instance ids), not through the lifecycles' code. Call it as the platform: the
 * caller's right to see the designation is checked before.
 */
@Service
class Dossiers {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String NONE = "—";

    private final DesignationRepository designations;
    private final CampaignRepository campaigns;
    private final JdbcClient jdbc;
    private final HistoryService history;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final FormFields forms;
    private final BusinessClock clock;

    Dossiers(DesignationRepository designations, CampaignRepository campaigns, JdbcClient jdbc,
             @Lazy HistoryService history, @Lazy RepositoryService repository, @Lazy IdentityService identity,
             FormFields forms, BusinessClock clock) {
        this.designations = designations;
        this.campaigns = campaigns;
        this.jdbc = jdbc;
        this.history = history;
        this.repository = repository;
        this.identity = identity;
        this.forms = forms;
        this.clock = clock;
    }

    Dossier of(Designation designation, Unit unit, String requestedBy) {
        long id = designation.id();
        Map<String, String> names = new HashMap<>();
        Function<String, String> name = userId -> userId == null ? NONE : names.computeIfAbsent(userId, this::displayName);
        List<DesignationEvent> events = designations.events(id);
        List<Dossier.Change> changes = events.stream().map(e -> new Dossier.Change(when(e.occurredAt()),
                e.fromStatus() == null ? NONE : e.fromStatus().label(), e.toStatus().label(), name.apply(e.actor()),
                text(e.reason()), text(e.documentNumber()))).toList();
        String campaign = designation.campaignId() == null ? NONE
                : campaigns.find(designation.campaignId()).map(c -> c.name() + "（" + c.code() + "）").orElse(NONE);
        return new Dossier(id, unit.name(), unit.unitType().label(), unit.regionCode(),
                unit.contactName() + "（" + unit.contactEmail() + "）", designation.level().label(),
                designation.status().label(), campaign, text(designation.batch()), date(designation.namedDate()),
                text(designation.documentNumber()), date(designation.expiryDate()),
                designation.revokedDate() == null ? null : designation.revokedDate().toString(), changes,
                assessments(id, name), annualReviews(id, name), procedures(id),
                processes(designation, events, name), when(clock.now()), name.apply(requestedBy));
    }

    private List<Dossier.Assessment> assessments(long id, Function<String, String> name) {
        // Category names from the indicator sets; the scores are stored by category code.
        return jdbc.sql("""
                SELECT a.assessor, a.total, a.comment, a.assessed_at,
                       (SELECT string_agg(coalesce(c.name, s.key) || ' ' || s.value, '；' ORDER BY c.sort_order, s.key)
                        FROM jsonb_each_text(a.scores) s
                        LEFT JOIN LATERAL (SELECT ic.name, ic.sort_order FROM registry.indicator_category ic
                                           WHERE ic.code = s.key ORDER BY ic.id DESC LIMIT 1) c ON true) AS scores,
                       (SELECT string_agg(coalesce(v.name, x.code), '；')
                        FROM jsonb_array_elements_text(a.vetoes) x(code)
                        LEFT JOIN LATERAL (SELECT vi.name FROM registry.veto_item vi WHERE vi.code = x.code
                                           ORDER BY vi.id DESC LIMIT 1) v ON true) AS vetoes
                FROM registry.site_assessment a WHERE a.designation_id = ? ORDER BY a.assessed_at, a.id""")
                .param(id)
                .query((rs, n) -> new Dossier.Assessment(when(rs.getObject("assessed_at", OffsetDateTime.class)),
                        name.apply(rs.getString("assessor")), number(rs.getBigDecimal("total")), text(rs.getString("scores")),
                        rs.getString("vetoes") == null ? "无" : rs.getString("vetoes"), text(rs.getString("comment"))))
                .list();
    }

    private List<Dossier.AnnualReview> annualReviews(long id, Function<String, String> name) {
        return jdbc.sql("""
                SELECT review_year, status, grade, score, submitted_at, graded_by, review_comment, follow_up
                FROM registry.annual_review WHERE designation_id = ? ORDER BY review_year""")
                .param(id)
                .query((rs, n) -> new Dossier.AnnualReview(rs.getInt("review_year"),
                        Option.labelOf(AnnualReviewStatus.class, rs.getString("status")),
                        label(AnnualGrade.class, rs.getString("grade")), number(rs.getBigDecimal("score")),
                        when(rs.getObject("submitted_at", OffsetDateTime.class)),
                        rs.getString("graded_by") == null ? NONE : name.apply(rs.getString("graded_by")),
                        text(rs.getString("review_comment")), label(AnnualFollowUp.class, rs.getString("follow_up"))))
                .list();
    }

    private List<Dossier.Procedure> procedures(long id) {
        return jdbc.sql("""
                SELECT kind, started_at, ended_at, outcome FROM registry.dynamic_procedure
                WHERE designation_id = ? ORDER BY started_at, id""")
                .param(id)
                .query((rs, n) -> new Dossier.Procedure(ProcedureKind.labelOf(rs.getString("kind")),
                        when(rs.getObject("started_at", OffsetDateTime.class)),
                        rs.getObject("ended_at") == null ? "进行中" : when(rs.getObject("ended_at", OffsetDateTime.class)),
                        rs.getObject("ended_at") == null || rs.getString("outcome") == null ? NONE
                                : ProcedureOutcome.labelOf(rs.getString("outcome"))))
                .list();
    }

    /** Every process instance the registry ties to the designation, oldest first. */
    private List<Dossier.ProcessRecord> processes(Designation designation, List<DesignationEvent> events,
                                                  Function<String, String> name) {
        Set<String> ids = new LinkedHashSet<>();
        if (designation.processInstanceId() != null) {
            ids.add(designation.processInstanceId());
        }
        events.stream().map(DesignationEvent::processInstanceId).filter(java.util.Objects::nonNull).forEach(ids::add);
        ids.addAll(jdbc.sql("""
                SELECT process_instance_id FROM registry.dynamic_procedure WHERE designation_id = :id
                UNION SELECT process_instance_id FROM registry.annual_review WHERE designation_id = :id""")
                .param("id", designation.id()).query(String.class).list());
        if (ids.isEmpty()) {
            return List.of();
        }
        List<HistoricProcessInstance> instances = history.createHistoricProcessInstanceQuery()
                .processInstanceIds(ids).orderByProcessInstanceStartTime().asc().list();
        Map<String, BpmnModelInstance> models = new HashMap<>();
        List<Dossier.ProcessRecord> records = new ArrayList<>();
        for (HistoricProcessInstance instance : instances) {
            BpmnModelInstance model = models.computeIfAbsent(instance.getProcessDefinitionId(), repository::getBpmnModelInstance);
            records.add(record(instance, model, name));
        }
        return records;
    }

    private Dossier.ProcessRecord record(HistoricProcessInstance instance, BpmnModelInstance model,
                                         Function<String, String> name) {
        List<HistoricDetail> details = history.createHistoricDetailQuery().processInstanceId(instance.getId())
                .variableUpdates().disableBinaryFetching().orderByTime().asc().list();
        // A step's submitted values carry the activity instance of its user task; the start form's, the instance's own.
        Map<String, List<HistoricVariableUpdate>> byActivity = new HashMap<>();
        for (HistoricDetail detail : details) {
            if (detail instanceof HistoricVariableUpdate update && update.getActivityInstanceId() != null) {
                byActivity.computeIfAbsent(update.getActivityInstanceId(), a -> new ArrayList<>()).add(update);
            }
        }
        List<Dossier.Step> steps = new ArrayList<>();
        String startForm = model.getModelElementsByType(StartEvent.class).stream()
                .map(StartEvent::getCamundaFormRef).filter(java.util.Objects::nonNull).findFirst().orElse(null);
        List<Dossier.Entry> started = entries(startForm, byActivity.getOrDefault(instance.getId(), List.of()));
        if (!started.isEmpty()) {
            steps.add(new Dossier.Step("发起", name.apply(instance.getStartUserId()), when(instance.getStartTime()), started));
        }
        for (HistoricTaskInstance task : history.createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .finished().orderByHistoricTaskInstanceEndTime().asc().list()) {
            if (task.getDeleteReason() != null && !"completed".equals(task.getDeleteReason())) {
                continue; // ended by a timer or a cancellation: nobody completed it
            }
            UserTask definition = model.getModelElementById(task.getTaskDefinitionKey());
            String form = definition == null ? null : definition.getCamundaFormRef();
            steps.add(new Dossier.Step(task.getName(), name.apply(task.getAssignee()), when(task.getEndTime()),
                    entries(form, byActivity.getOrDefault(task.getActivityInstanceId(), List.of()))));
        }
        String state = instance.getEndTime() == null ? "进行中"
                : instance.getDeleteReason() != null ? "已终止（" + instance.getDeleteReason() + "）" : "已结束";
        String processName = instance.getProcessDefinitionName() == null ? instance.getProcessDefinitionKey()
                : instance.getProcessDefinitionName();
        return new Dossier.ProcessRecord(processName, when(instance.getStartTime()), when(instance.getEndTime()), state, steps);
    }

    /** The values submitted on the form, last value per field, in the form's order; blank values left out. */
    private List<Dossier.Entry> entries(String formId, List<HistoricVariableUpdate> updates) {
        Map<String, Object> last = new HashMap<>();
        updates.forEach(u -> last.put(u.getVariableName(), u.getValue()));
        List<Dossier.Entry> entries = new ArrayList<>();
        for (FormFields.Field field : forms.of(formId)) {
            Object value = last.get(field.key());
            if (value != null && !value.toString().isBlank()) {
                entries.add(new Dossier.Entry(field.label(), field.display(value)));
            }
        }
        return entries;
    }

    private String displayName(String userId) {
        if (Actors.SYSTEM.equals(userId)) {
            return "系统自动处理";
        }
        User user = identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId;
        }
        String full = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return full.isEmpty() ? userId : full;
    }

    private String when(OffsetDateTime at) {
        return at == null ? NONE : at.atZoneSameInstant(clock.zone()).format(WHEN);
    }

    private String when(Date at) {
        return at == null ? NONE : at.toInstant().atZone(clock.zone()).format(WHEN);
    }

    private static String date(java.time.LocalDate date) {
        return date == null ? NONE : date.toString();
    }

    private static String number(BigDecimal value) {
        return value == null ? NONE : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? NONE : value;
    }

    private static String label(Class<? extends Option> options, String code) {
        return code == null ? NONE : Option.labelOf(options, code);
    }
}
