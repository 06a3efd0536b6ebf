package org.ethnicunity.platform.reportrequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.Unit;

/**
 * Starts member instances the way the launcher does (variables = the member's payload plus the
 * launch's own, nobody logged in; the launcher itself is tested on its own), and works their tasks
 * as people do, through the form service.
 */
public class ReportRequestFixture {

    static final String TITLE = "活动月总结";
    static final String INSTRUCTIONS = "请总结本地民族团结进步活动月开展情况：主要活动、参与人数、典型经验，并附照片链接。";
    private static final AtomicLong LAUNCHES = new AtomicLong(System.nanoTime() % 1_000_000 * 1_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    private final NominationFixture people;

    public ReportRequestFixture(ProcessEngine engine, NominationFixture people) {
        this.engine = engine;
        this.people = people;
    }

    public static long newLaunchId() {
        return LAUNCHES.incrementAndGet();
    }

    /** The launch's own variables, as the launcher adds them to every member's payload. */
    static Map<String, Object> launch(long launchId, String requesterRegion, LocalDate due) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("launchId", launchId);
        variables.put("launchTitle", TITLE);
        variables.put("launchKind", "REPORT_REQUEST");
        variables.put("requesterRegionCode", requesterRegion);
        variables.put("launchedBy", "commission1");
        variables.put("reportDueDate", due.toString());
        variables.put("finalDeadline", null);
        variables.put("reviewYear", null);
        variables.put("instructions", INSTRUCTIONS);
        return variables;
    }

    /** A unit's payload as ReportRequestLaunch's member SQL builds it. */
    static Map<String, Object> unit(Unit unit) {
        Map<String, Object> payload = new HashMap<>();
        payload.put("memberKey", "unit:" + unit.id());
        payload.put("memberType", "UNIT");
        payload.put("unitId", unit.id());
        payload.put("memberName", unit.name());
        payload.put("unitContact", unit.contactUser());
        payload.put("contactName", unit.contactName());
        payload.put("contactEmail", unit.contactEmail());
        payload.put("regionCode", unit.regionCode());
        payload.put("candidateGroup", null);
        return payload;
    }

    /** The payload column of a member row turned into variables as the launcher does: integral numbers become Long. */
    static Map<String, Object> payload(String json) {
        try {
            Map<String, Object> variables = new LinkedHashMap<>();
            JsonNode node = JSON.readTree(json);
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                variables.put(field.getKey(), value.isNull() ? null : value.isIntegralNumber() ? value.asLong()
                        : value.isTextual() ? value.asText() : value.toString());
            }
            return variables;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    ProcessInstance start(long launchId, String requesterRegion, LocalDate due, Map<String, Object> payload) {
        Map<String, Object> variables = launch(launchId, requesterRegion, due);
        variables.putAll(payload);
        engine.getIdentityService().clearAuthentication();
        return engine.getRuntimeService().startProcessInstanceByKey("report-request",
                "launch-" + launchId + ":" + payload.get("memberKey"), variables);
    }

    public ProcessInstance startUnit(long launchId, Unit unit, LocalDate due) {
        return start(launchId, "150525", due, unit(unit));
    }

    void submit(ProcessInstance instance, String user, String text, String link) {
        Map<String, Object> form = new HashMap<>();
        form.put("reportText", text);
        if (link != null) {
            form.put("reportLink", link);
        }
        people.complete(instance, "SubmitReport", user, form);
    }

    void review(ProcessInstance instance, String user, String decision, String comment) {
        Map<String, Object> form = new HashMap<>();
        form.put("reviewDecision", decision);
        form.put("reviewComment", comment);
        people.complete(instance, "ReviewReport", user, form);
    }

    Task task(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    /** Whether the user, logged in, finds the task at all (Camunda's authorizations decide). */
    boolean sees(String user, Task task) {
        return people.as(user, () -> engine.getTaskService().createTaskQuery().taskId(task.getId()).count() == 1);
    }

    List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(l -> "candidate".equals(l.getType())).map(l -> l.getGroupId() == null ? "user:" + l.getUserId()
                        : l.getGroupId()).toList();
    }
}
