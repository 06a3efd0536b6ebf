package org.ethnicunity.platform.annualreview;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.ethnicunity.platform.TestClock;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.ethnicunity.platform.nomination.NominationFixture;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Starts annual reviews as the launcher does: the member's payload from {@link AnnualReviewLaunch}'s
 * own selection, the launch's variables, no one signed in; and fills the unit's and the reviewer's
 * forms through the form service as those people.
 */
class AnnualReviewFixture {

    /** Six category scores of the sample set (max 20, 25, 20, 15, 15, 25: 120 in all). */
    static final Map<String, Object> EXCELLENT = NominationFixture.scores("reviewScore_", 19, 23, 18, 14, 13, 24); // 111, 92.5 %
    static final Map<String, Object> PASS = NominationFixture.scores("reviewScore_", 16, 20, 15, 12, 12, 20); // 95, 79.2 %
    static final Map<String, Object> BASIC_PASS = NominationFixture.scores("reviewScore_", 13, 16, 12, 10, 10, 17); // 78, 65 %
    static final Map<String, Object> FAIL = NominationFixture.scores("reviewScore_", 10, 12, 10, 8, 8, 12); // 60, 50 %
    static final long LAUNCH_ID = 9001L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ProcessEngine engine;
    private final NominationFixture people;
    private final DesignationRepository designations;
    private final JdbcClient jdbc;
    private final AnnualReviewLaunch launch;

    /** The launch's dates: the report is due in ten days, a missing report counts after twenty-five. */
    LocalDate reportDue = TestClock.today().plusDays(10);
    LocalDate finalDeadline = TestClock.today().plusDays(25);
    int year = TestClock.today().getYear();

    AnnualReviewFixture(ProcessEngine engine, NominationFixture people, DesignationRepository designations,
                        JdbcClient jdbc, AnnualReviewLaunch launch) {
        this.engine = engine;
        this.people = people;
        this.designations = designations;
        this.jdbc = jdbc;
        this.launch = launch;
    }

    /** A banner title of the unit, imported without a campaign (the unit's region grants it). */
    long namedDesignation(Unit unit) {
        long id = designations.insert(unit.id(), Level.BANNER, null, DesignationStatus.NAMED, null, "历史命名");
        designations.recordNaming(id, TestClock.today().minusYears(2), "奈民创办发〔" + (year - 2) + "〕" + id + "号",
                TestClock.today().plusYears(3), false);
        return id;
    }

    /** The selection's payload for the designation (region of its unit, the fixture's year), as variables. */
    Map<String, Object> payload(long designationId, String regionCode) {
        return payload(designationId, regionCode, null);
    }

    Map<String, Object> payload(long designationId, String regionCode, String status) {
        List<Map<String, Object>> rows = select(params(regionCode, null, null, status, year));
        return rows.stream().filter(r -> ("designation:" + designationId).equals(r.get("member_key"))).findFirst()
                .map(r -> variables(String.valueOf(r.get("payload"))))
                .orElseThrow(() -> new AssertionError("designation " + designationId + " not selected"));
    }

    /** Runs the kind's member SQL with the launcher's parameters bound (every one, NULL for "any"). */
    List<Map<String, Object>> select(Map<String, Object> params) {
        var statement = jdbc.sql(launch.memberSql(request(params)));
        for (var p : params.entrySet()) {
            statement = statement.param(p.getKey(), p.getValue());
        }
        return statement.query().listOfRows();
    }

    static Map<String, Object> params(String region, String level, String unitType, String status, Integer year) {
        Map<String, Object> params = new HashMap<>();
        params.put("launchId", LAUNCH_ID);
        params.put("regionCode", region);
        params.put("regionPattern", region.endsWith("00") ? region.replaceAll("(00)+$", "") + "%" : region);
        params.put("level", level);
        params.put("unitType", unitType);
        params.put("status", status);
        params.put("year", year);
        params.put("zone", TestClock.ZONE.getId());
        return params;
    }

    private LaunchRequest request(Map<String, Object> params) {
        return new LaunchRequest("ANNUAL_REVIEW", "年度评估", (String) params.get("regionCode"), (String) params.get("level"),
                (String) params.get("unitType"), (String) params.get("status"), (Integer) params.get("year"), reportDue,
                finalDeadline, null, null);
    }

    /** JSON as the launcher turns it into variables: integral numbers become Long. */
    static Map<String, Object> variables(String payload) {
        try {
            Map<String, Object> variables = new HashMap<>();
            JsonNode node = JSON.readTree(payload);
            node.fields().forEachRemaining(f -> variables.put(f.getKey(), f.getValue().isIntegralNumber() ? f.getValue().asLong()
                    : f.getValue().isNull() ? null : f.getValue().isNumber() ? f.getValue().asDouble() : f.getValue().asText()));
            return variables;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts the member's instance as the launcher does (nobody is signed in in a test unless it says so). */
    ProcessInstance start(long designationId, Unit unit) {
        return start(designationId, payload(designationId, unit.regionCode()));
    }

    ProcessInstance start(long designationId, Map<String, Object> payload) {
        Map<String, Object> variables = new HashMap<>(payload);
        variables.putAll(launchVariables());
        return engine.getRuntimeService().startProcessInstanceByKey("annual-review",
                "launch-" + LAUNCH_ID + ":designation:" + designationId, variables);
    }

    Map<String, Object> launchVariables() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("launchId", LAUNCH_ID);
        variables.put("launchTitle", year + "年度民族团结进步示范单位年度评估");
        variables.put("launchKind", "ANNUAL_REVIEW");
        variables.put("requesterRegionCode", "150525");
        variables.put("launchedBy", "commission1");
        variables.put("reportDueDate", reportDue.toString());
        variables.put("finalDeadline", finalDeadline.toString());
        variables.put("reviewYear", year);
        variables.put("instructions", "请如实总结本年度创建工作。");
        return variables;
    }

    static Map<String, Object> report(String text) {
        Map<String, Object> form = new HashMap<>(NominationFixture.scores("selfScore_", 18, 22, 18, 13, 13, 22));
        form.put("annualReport", text);
        form.put("reportAttachments", "https://example.test/annual");
        return form;
    }

    void submitReport(ProcessInstance instance, Unit unit) {
        people.complete(instance, "SubmitAnnualReport", unit.contactUser(), report("全年开展民族团结进步宣传月等活动12次。"));
    }

    void grade(ProcessInstance instance, String reviewer, Map<String, Object> scores, String comment, String... vetoes) {
        Map<String, Object> form = new HashMap<>(scores);
        for (String code : List.of("massIncident", "fraud", "leaderViolation")) {
            form.put("veto_" + code, List.of(vetoes).contains(code));
        }
        form.put("gradingDecision", "GRADE");
        form.put("reviewComment", comment);
        people.complete(instance, "AnnualReviewGrading", reviewer, form);
    }

    void returnReport(ProcessInstance instance, String reviewer, String reason) {
        people.complete(instance, "AnnualReviewGrading", reviewer, Map.of("gradingDecision", "RETURN", "reviewComment", reason));
    }
}
