package org.ethnicunity.platform.reports.bulletin;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.ethnicunity.platform.RegionCodes;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What lags, read by SQL: the engine's open tasks (its documented ACT_RU tables: a task's region is
 * that of its candidate group {@code ROLE-REGIONCODE}, else its instance's {@code regionCode}) and
 * the registry's report submissions, annual reviews and rectifications.
 */
@Repository
class BulletinRepository {

    /** An open task: the role and region it waits on, its name, who holds it, its due date. */
    record OpenTask(String role, String regionCode, String name, String holder, OffsetDateTime due) {
    }

    record Submission(String launchTitle, LocalDate dueDate, String regionCode, String memberName, boolean submitted,
                      boolean missing, boolean late) {
    }

    record OpenReview(int year, String regionCode, String unitName, String status, LocalDate dueDate) {
    }

    record UnderRectification(String unitName, String level, String regionCode, String deadline) {
    }

    private final JdbcClient jdbc;

    BulletinRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every active task with a region, once per run: the bulletins of all regions are cut from it. */
    List<OpenTask> openTasks() {
        return jdbc.sql("""
                SELECT coalesce(split_part(t.grp, '-', 1), 'unit') AS role,
                       coalesce(split_part(t.grp, '-', 2), t.region_var) AS region,
                       t.name_, coalesce(t.assignee_, t.grp) AS holder, t.due_date_
                FROM (SELECT t.*,
                             (SELECT l.group_id_ FROM act_ru_identitylink l WHERE l.task_id_ = t.id_
                                 AND l.type_ = 'candidate' AND l.group_id_ ~ '^[a-z]+-([0-9]{6}|[0-9]{9}|[0-9]{12})$'
                              ORDER BY l.group_id_ LIMIT 1) AS grp,
                             (SELECT v.text_ FROM act_ru_variable v WHERE v.execution_id_ = t.proc_inst_id_
                                 AND v.name_ = 'regionCode' LIMIT 1) AS region_var
                      FROM act_ru_task t WHERE t.suspension_state_ = 1) t
                WHERE coalesce(split_part(t.grp, '-', 2), t.region_var) IS NOT NULL""")
                .query((rs, n) -> new OpenTask(rs.getString("role"), rs.getString("region"), rs.getString("name_"),
                        rs.getString("holder"), rs.getObject("due_date_", OffsetDateTime.class)))
                .list();
    }

    /** Members of the region asked for a report still open, or due since {@code since}. */
    List<Submission> submissions(String scope, OffsetDateTime now, LocalDate since) {
        return jdbc.sql("""
                SELECT s.launch_title, s.due_date, s.region_code, s.member_name, s.first_submitted_at IS NOT NULL AS submitted,
                       s.first_submitted_at IS NULL AND s.status IN ('REQUESTED', 'RETURNED') AND s.due_at < :now AS missing,
                       s.late
                FROM registry.report_submission s
                WHERE s.region_code LIKE :pattern AND s.launch_id IN (
                    SELECT launch_id FROM registry.report_submission
                    WHERE region_code LIKE :pattern AND (status IN ('REQUESTED', 'RETURNED') OR due_date >= :since))
                ORDER BY s.due_date, s.launch_id, s.member_name""")
                .param("pattern", RegionCodes.likePattern(scope)).param("now", now).param("since", since)
                .query((rs, n) -> new Submission(rs.getString("launch_title"), rs.getObject("due_date", LocalDate.class),
                        rs.getString("region_code"), rs.getString("member_name"), rs.getBoolean("submitted"),
                        rs.getBoolean("missing"), rs.getBoolean("late")))
                .list();
    }

    /** Annual reviews of this and last year not (yet) submitted, with the due date of their launch. */
    List<OpenReview> openReviews(String scope, int year) {
        return jdbc.sql("""
                SELECT r.review_year, u.region_code, u.name, r.status, l.due_date
                FROM registry.annual_review r JOIN registry.designation d ON d.id = r.designation_id
                JOIN registry.unit u ON u.id = d.unit_id
                LEFT JOIN registry.launch l ON l.id = r.launch_id
                WHERE r.status IN ('OPEN', 'NOT_SUBMITTED') AND r.review_year >= :year AND u.region_code LIKE :pattern
                ORDER BY r.review_year, u.region_code, u.name""")
                .param("pattern", RegionCodes.likePattern(scope)).param("year", year - 1)
                .query((rs, n) -> new OpenReview(rs.getInt("review_year"), rs.getString("region_code"), rs.getString("name"),
                        rs.getString("status"), rs.getObject("due_date", LocalDate.class)))
                .list();
    }

    /** Titles under rectification, with the deadline their re-inspection set ({@code rectificationDeadline}). */
    List<UnderRectification> rectifications(String scope) {
        return jdbc.sql("""
                SELECT u.name, d.level, u.region_code, v.text_ AS deadline
                FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id
                LEFT JOIN registry.dynamic_procedure p ON p.designation_id = d.id AND p.ended_at IS NULL
                LEFT JOIN act_ru_variable v ON v.execution_id_ = p.process_instance_id AND v.name_ = 'rectificationDeadline'
                WHERE d.status = 'RECTIFYING' AND u.region_code LIKE :pattern
                ORDER BY v.text_ NULLS LAST, u.name""")
                .param("pattern", RegionCodes.likePattern(scope))
                .query((rs, n) -> new UnderRectification(rs.getString("name"), rs.getString("level"),
                        rs.getString("region_code"), rs.getString("deadline")))
                .list();
    }
}
