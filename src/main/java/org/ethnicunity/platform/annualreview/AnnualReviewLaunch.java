package org.ethnicunity.platform.annualreview;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.launcher.LaunchKind;
import org.ethnicunity.platform.launcher.LaunchMatter;
import org.ethnicunity.platform.launcher.LaunchRequest;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.springframework.stereotype.Component;

/**
 * 年度评估 as a launch: one {@code annual-review} instance per title of the selection (NAMED unless
 * the launch names another holding state) that has no review of the year yet, so launching a year
 * twice starts only what the first launch missed. The selection is one statement over the registry,
 * carrying everything an instance needs, for a region-wide launch of tens of thousands of titles.
 */
@Component
class AnnualReviewLaunch implements LaunchKind {

    /**
     * The selection. A title named by a campaign is reviewed by the campaign's commission against the
     * campaign's indicator set; one imported without a campaign by the unit's own commission against
     * the newest set of its level and unit type (chosen as IndicatorSetRepository.latestFor and the
     * re-inspection choose it, once per level and unit type rather than once per title). No ORDER BY:
     * sorting 50,000 payloads spilled to disk and the launcher needs no order.
     */
    private static final String MEMBERS = """
            WITH latest_set AS (
                SELECT DISTINCT ON (s.level, t.unit_type) s.level, t.unit_type, s.id
                FROM registry.indicator_set s
                JOIN (VALUES %s) AS t(unit_type) ON s.unit_type = t.unit_type OR s.unit_type IS NULL
                ORDER BY s.level, t.unit_type, s.unit_type NULLS LAST, s.version DESC, s.id DESC)
            SELECT 'designation:' || d.id AS member_key, %s AS payload
            FROM registry.designation d
            JOIN registry.unit u ON u.id = d.unit_id
            LEFT JOIN registry.campaign c ON c.id = d.campaign_id
            LEFT JOIN latest_set latest ON latest.level = d.level AND latest.unit_type = u.unit_type
            WHERE d.status = coalesce(CAST(:status AS text), 'NAMED')
              AND u.region_code LIKE :regionPattern
              AND (CAST(:level AS text) IS NULL OR d.level = :level)
              AND (CAST(:unitType AS text) IS NULL OR u.unit_type = :unitType)
              AND NOT EXISTS (SELECT 1 FROM registry.annual_review r
                              WHERE r.designation_id = d.id AND r.review_year = CAST(:year AS int))""".formatted(
            Arrays.stream(UnitType.values()).map(t -> "('" + t.name() + "')").collect(Collectors.joining(", ")),
            payload());

    /**
     * Counts for the progress list: reports in, graded, and overdue (closed as not submitted, or
     * still open after the launch's due date).
     */
    private static final String PROGRESS = """
            SELECT count(*) FILTER (WHERE a.submitted_at IS NOT NULL) AS submitted,
                   count(*) FILTER (WHERE a.status = 'GRADED') AS graded,
                   count(*) FILTER (WHERE a.status = 'NOT_SUBMITTED'
                       OR a.status = 'OPEN' AND CAST(:today AS date) > l.due_date) AS overdue
            FROM registry.annual_review a WHERE a.launch_id = l.id AND l.kind = '%s'""".formatted(LaunchMatter.ANNUAL_REVIEW.code());

    @Override
    public String code() {
        return LaunchMatter.ANNUAL_REVIEW.code();
    }

    @Override
    public String processKey() {
        return AnnualReviewContract.PROCESS_KEY;
    }

    @Override
    public String progressSql() {
        return PROGRESS;
    }

    /**
     * A year under review: this year, or last year (a review of last year's work is normal in January);
     * a due date, and a final deadline on or after it, after which a missing report counts as not submitted.
     */
    @Override
    public void check(LaunchRequest request, LocalDate today) {
        Integer year = request.year();
        if (year == null) {
            throw new RuleViolation("year", "请填写「评估年度」");
        }
        if (year < today.getYear() - 1 || year > today.getYear()) {
            throw new RuleViolation("year", "「评估年度」只能是今年（" + today.getYear() + "）或去年（" + (today.getYear() - 1)
                    + "），收到的是 " + year);
        }
        if (request.dueDate() == null) {
            throw new RuleViolation("dueDate", "请填写「报告截止日期」：单位须在这一天前提交年度创建工作报告");
        }
        if (request.finalDeadline() == null) {
            throw new RuleViolation("finalDeadline", "请填写「最终期限」：到期仍未提交的，记为未提交（不合格）");
        }
        if (request.finalDeadline().isBefore(request.dueDate())) {
            throw new RuleViolation("finalDeadline", "「最终期限」（" + request.finalDeadline() + "）不能早于「报告截止日期」（"
                    + request.dueDate() + "）");
        }
        if (request.status() != null && !request.status().isBlank() && !holding(request.status())) {
            throw new RuleViolation("status", "年度评估只针对持有称号的命名记录，可选状态："
                    + DesignationStatus.HOLDING.stream().map(s -> s.label() + " " + s.name()).collect(Collectors.joining("、"))
                    + "；收到的是「" + request.status() + "」");
        }
    }

    @Override
    public String memberSql(LaunchRequest request) {
        return MEMBERS;
    }

    private static boolean holding(String status) {
        return Arrays.stream(DesignationStatus.values())
                .anyMatch(s -> s.name().equals(status.trim()) && DesignationStatus.HOLDING.contains(s));
    }

    /** Each member's start variables, under the annual review's names (d: the designation, u: its unit, c: its campaign). */
    private static String payload() {
        Map<Variable<?>, String> columns = new LinkedHashMap<>();
        columns.put(AnnualReviewContract.DESIGNATION_ID, "d.id");
        columns.put(AnnualReviewContract.UNIT_ID, "u.id");
        columns.put(AnnualReviewContract.UNIT_NAME, "u.name");
        columns.put(AnnualReviewContract.UNIT_CONTACT, "u.contact_user");
        columns.put(AnnualReviewContract.UNIT_CONTACT_NAME, "u.contact_name");
        columns.put(AnnualReviewContract.UNIT_CONTACT_EMAIL, "u.contact_email");
        columns.put(AnnualReviewContract.REGION_CODE, "u.region_code");
        columns.put(AnnualReviewContract.GRANTING_REGION_CODE, "coalesce(c.region_code, left(u.region_code, 6))");
        columns.put(AnnualReviewContract.LEVEL, "d.level");
        columns.put(AnnualReviewContract.LEVEL_LABEL, levelLabels());
        columns.put(AnnualReviewContract.DOCUMENT_NUMBER, "d.document_number");
        columns.put(AnnualReviewContract.INDICATOR_SET_ID, "coalesce(c.indicator_set_id, latest.id)");
        return columns.entrySet().stream().map(c -> "'" + c.getKey().name() + "', " + c.getValue())
                .collect(Collectors.joining(", ", "jsonb_build_object(", ")"));
    }

    /** The Chinese level label in SQL, from {@link Level} itself. */
    private static String levelLabels() {
        return Arrays.stream(Level.values()).map(l -> "WHEN '" + l.name() + "' THEN '" + l.label() + "'")
                .collect(Collectors.joining(" ", "CASE d.level ", " END"));
    }
}
