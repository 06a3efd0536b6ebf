package org.ethnicunity.platform.annualreview;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.launcher.LaunchKind;
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

    static final String PROCESS_KEY = "annual-review";

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
            SELECT 'designation:' || d.id AS member_key,
                   jsonb_build_object(
                       'designationId', d.id, 'unitId', u.id, 'unitName', u.name, 'unitContact', u.contact_user,
                       'unitContactName', u.contact_name, 'unitContactEmail', u.contact_email,
                       'regionCode', u.region_code, 'grantingRegionCode', coalesce(c.region_code, left(u.region_code, 6)),
                       'level', d.level, 'levelLabel', %s, 'documentNumber', d.document_number,
                       'indicatorSetId', coalesce(c.indicator_set_id, latest.id)) AS payload
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
            levelLabels());

    @Override
    public String code() {
        return "ANNUAL_REVIEW";
    }

    @Override
    public String label() {
        return "年度评估";
    }

    @Override
    public String processKey() {
        return PROCESS_KEY;
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

    /** The Chinese level label in SQL, from {@link Level} itself. */
    private static String levelLabels() {
        return Arrays.stream(Level.values()).map(l -> "WHEN '" + l.name() + "' THEN '" + l.label() + "'")
                .collect(Collectors.joining(" ", "CASE d.level ", " END"));
    }
}
