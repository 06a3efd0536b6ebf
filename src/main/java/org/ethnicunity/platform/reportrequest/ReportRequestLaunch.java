package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CANDIDATE_GROUP;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CONTACT_EMAIL;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CONTACT_NAME;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_KEY;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_NAME;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_TYPE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.PROCESS_KEY;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REGION_CODE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.UNIT_CONTACT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.UNIT_ID;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.launcher.Audience;
import org.ethnicunity.platform.launcher.LaunchKind;
import org.ethnicunity.platform.launcher.LaunchMatter;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.springframework.stereotype.Component;

/**
 * 工作报送 as a launch: a commission asks the units of a selection, or the commissions below it,
 * for a report by a fixed date (seed 003: 活动月总结 "9月27日前报送"); each member gets one
 * {@code report-request} instance.
 */
@Component
class ReportRequestLaunch implements LaunchKind {

    /**
     * Short enough that the task name 「报送：标题（成员名称）」 fits the engine's 255-character column
     * with the longest unit name the registry allows (200).
     */
    static final int TITLE_MAX = 40;
    static final int INSTRUCTIONS_MAX = 5_000;

    /** Units of the region (and its sub-regions); with a level or status, only those holding such a designation. */
    private static final String UNITS = """
            SELECT 'unit:' || u.id AS member_key, %s AS payload
            FROM registry.unit u
            WHERE u.region_code LIKE CAST(:regionPattern AS text)
              AND (CAST(:unitType AS text) IS NULL OR u.unit_type = CAST(:unitType AS text))
              AND ((CAST(:level AS text) IS NULL AND CAST(:status AS text) IS NULL)
                   OR EXISTS (SELECT 1 FROM registry.designation d
                              WHERE d.unit_id = u.id
                                AND (CAST(:level AS text) IS NULL OR d.level = CAST(:level AS text))
                                AND (CASE WHEN CAST(:status AS text) IS NULL
                                          THEN d.status IN ('NAMED', 'UNDER_REINSPECTION', 'RECTIFYING', 'IN_EXIT')
                                          ELSE d.status = CAST(:status AS text) END)))
            ORDER BY u.id""".formatted(payload(MemberType.UNIT, Map.of(MEMBER_KEY, "'unit:' || u.id", UNIT_ID, "u.id",
            MEMBER_NAME, "u.name", UNIT_CONTACT, "u.contact_user", CONTACT_NAME, "u.contact_name",
            CONTACT_EMAIL, "u.contact_email", REGION_CODE, "u.region_code", CANDIDATE_GROUP, "NULL")));

    /**
     * The commissions below the launch region: the engine's groups {@code commission-XXXXXX} whose
     * code the region covers, the launching commission itself excluded; a level keeps one tier
     * (BANNER: 150525, CITY: 150500, REGION: 150000).
     */
    private static final String COMMISSIONS = """
            SELECT 'commission:' || c.code AS member_key, %s AS payload
            FROM act_id_group g
            CROSS JOIN LATERAL (SELECT substr(g.id_, 12) AS code) c
            WHERE g.id_ ~ '^commission-[0-9]{6}$'
              AND c.code LIKE CAST(:regionPattern AS text)
              AND c.code <> CAST(:regionCode AS text)
              AND (CAST(:level AS text) IS NULL
                   OR CAST(:level AS text) = 'BANNER' AND right(c.code, 2) <> '00'
                   OR CAST(:level AS text) = 'CITY' AND right(c.code, 2) = '00' AND right(c.code, 4) <> '0000'
                   OR CAST(:level AS text) = 'REGION' AND right(c.code, 4) = '0000')
            ORDER BY c.code""".formatted(payload(MemberType.COMMISSION, Map.of(MEMBER_KEY, "'commission:' || c.code",
            MEMBER_NAME, "COALESCE(NULLIF(g.name_, ''), g.id_)", CANDIDATE_GROUP, "g.id_", REGION_CODE, "c.code",
            UNIT_CONTACT, "NULL")));

    /** Counts for the progress list: reports in, accepted, and overdue (a report or a revision not sent by its time). */
    private static final String PROGRESS = """
            SELECT count(*) FILTER (WHERE r.first_submitted_at IS NOT NULL) AS submitted,
                   count(*) FILTER (WHERE r.status = 'ACCEPTED') AS graded,
                   count(*) FILTER (WHERE r.status = 'REQUESTED' AND r.due_at < :now
                       OR r.status = 'RETURNED' AND r.revision_due_at < :now) AS overdue
            FROM registry.report_submission r WHERE r.launch_id = l.id AND l.kind = '%s'""".formatted(LaunchMatter.REPORT_REQUEST.code());

    @Override
    public String code() {
        return LaunchMatter.REPORT_REQUEST.code();
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
    }

    @Override
    public String progressSql() {
        return PROGRESS;
    }

    /** The request's own page: every member's report and status. */
    @Override
    public String page(long launchId) {
        return ReportRequestPage.PATH + launchId;
    }

    @Override
    public boolean needsTitle() {
        return true;
    }

    @Override
    public void check(LaunchRequest request, LocalDate today) {
        required(request.title(), "title", "报送标题", TITLE_MAX);
        required(request.instructions(), "instructions", "报送要求", INSTRUCTIONS_MAX);
        if (request.dueDate() == null) {
            throw new RuleViolation("dueDate", "请填写「报送截止日期」");
        }
        Audience audience = Audience.parse(request.audience());
        if (audience == Audience.COMMISSIONS && (request.unitType() != null || request.status() != null)) {
            throw new RuleViolation("audience", "报送对象为下级民委时不能按单位类型或命名状态筛选");
        }
    }

    @Override
    public String memberSql(LaunchRequest request) {
        return Audience.parse(request.audience()) == Audience.UNITS ? UNITS : COMMISSIONS;
    }

    /** A member's start variables, under the report request's names, in a stable order. */
    private static String payload(MemberType type, Map<Variable<?>, String> columns) {
        Map<String, String> named = new TreeMap<>();
        columns.forEach((variable, sql) -> named.put(variable.name(), sql));
        named.put(MEMBER_TYPE.name(), "'" + type.code() + "'");
        return named.entrySet().stream().map(c -> "'" + c.getKey() + "', " + c.getValue())
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
    }

    private static void required(String value, String code, String label, int max) {
        if (value == null || value.isBlank()) {
            throw new RuleViolation(code, "请填写「" + label + "」");
        }
        if (value.trim().length() > max) {
            throw new RuleViolation(code, "「" + label + "」不能超过 " + max + " 字");
        }
    }
}
