package org.ethnicunity.platform.annualreview;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's record of annual reviews (registry.annual_review), one row per designation and year. */
@Repository
class AnnualReviews {

    /** One review as recorded. */
    record Review(long designationId, int reviewYear, String processInstanceId, AnnualReviewStatus status, String grade,
                  BigDecimal score, String note, String followUp, String followUpProcessInstanceId, boolean failed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HOLDING = String.join(", ",
            DesignationStatus.HOLDING.stream().map(s -> "'" + s.name() + "'").sorted().toList());

    private static final String STATUS_LABELS = java.util.Arrays.stream(DesignationStatus.values())
            .map(s -> "WHEN '" + s.name() + "' THEN '" + s.label() + "'").collect(java.util.stream.Collectors.joining(" ", "CASE d.status ", " END"));

    private final JdbcClient jdbc;

    AnnualReviews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Opens the review of a designation for a year in one statement: OPEN while it holds its title,
     * else ENDED. The designation's row is share-locked, so a revocation or expiry at the same moment
     * either waits for this start (and then finds the review to end) or is seen by it.
     * @return the status written; empty when the designation already has a review of that year (or does not exist)
     */
    Optional<AnnualReviewStatus> open(long designationId, int year, Long launchId, String processInstanceId, OffsetDateTime at) {
        return jdbc.sql("""
                INSERT INTO registry.annual_review (designation_id, review_year, launch_id, process_instance_id, status,
                                                    opened_at, note, ended_at)
                SELECT d.id, :year, :launchId, :pid, CASE WHEN d.status IN (%1$s) THEN 'OPEN' ELSE 'ENDED' END, :at,
                       CASE WHEN d.status IN (%1$s) THEN NULL ELSE '发起时称号状态为「' || %2$s || '」，不再评估' END,
                       CASE WHEN d.status IN (%1$s) THEN NULL ELSE CAST(:at AS timestamptz) END
                FROM registry.designation d WHERE d.id = :id
                FOR SHARE
                ON CONFLICT (designation_id, review_year) DO NOTHING
                RETURNING status""".formatted(HOLDING, STATUS_LABELS))
                .param("id", designationId).param("year", year).param("launchId", launchId)
                .param("pid", processInstanceId).param("at", at)
                .query(String.class).optional().map(AnnualReviewStatus::valueOf);
    }

    void submitted(String processInstanceId, String report, Object selfScores, BigDecimal selfTotal, OffsetDateTime at) {
        update("""
                UPDATE registry.annual_review SET status = 'SUBMITTED', report = ?, self_scores = CAST(? AS jsonb),
                       self_total = ?, submitted_at = ?
                WHERE process_instance_id = ? AND status = 'OPEN'""",
                report, json(selfScores), selfTotal, at, processInstanceId);
    }

    void returned(String processInstanceId, String reason) {
        update("""
                UPDATE registry.annual_review SET status = 'OPEN', returned_count = returned_count + 1, note = ?
                WHERE process_instance_id = ? AND status = 'SUBMITTED'""", "退回补充：" + reason, processInstanceId);
    }

    void graded(String processInstanceId, Object reviewScores, Object vetoes, BigDecimal score, BigDecimal percent,
                AnnualGrade grade, String reviewer, String comment, OffsetDateTime at) {
        update("""
                UPDATE registry.annual_review SET status = 'GRADED', review_scores = CAST(? AS jsonb),
                       vetoes = CAST(? AS jsonb), score = ?, score_percent = ?, grade = ?, graded_by = ?,
                       review_comment = ?, graded_at = ?, note = NULL
                WHERE process_instance_id = ? AND status = 'SUBMITTED'""",
                json(reviewScores), json(vetoes), score, percent, grade.name(), reviewer, comment, at, processInstanceId);
    }

    void notSubmitted(String processInstanceId, OffsetDateTime at) {
        update("""
                UPDATE registry.annual_review SET status = 'NOT_SUBMITTED', ended_at = ?,
                       note = '最终期限前未提交年度创建工作报告'
                WHERE process_instance_id = ? AND status = 'OPEN'""", at, processInstanceId);
    }

    /** The title ended while the review ran: ENDED with the reason; a graded review keeps its grade. */
    void ended(String processInstanceId, String note, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE registry.annual_review SET status = 'ENDED', note = ?, ended_at = ?
                WHERE process_instance_id = ? AND status IN ('OPEN', 'SUBMITTED')""")
                .params(note, at, processInstanceId).update();
    }

    void followUp(String processInstanceId, String followUp, String startedInstanceId, String note) {
        update("""
                UPDATE registry.annual_review SET follow_up = ?, follow_up_process_instance_id = ?, note = ?
                WHERE process_instance_id = ?""", followUp, startedInstanceId, note, processInstanceId);
    }

    /** Whether that year's review of the designation failed (不合格 or no report). */
    boolean failed(long designationId, int year) {
        return jdbc.sql("SELECT failed FROM registry.annual_review WHERE designation_id = ? AND review_year = ?")
                .params(designationId, year).query(Boolean.class).optional().orElse(false);
    }

    /** Process instances of the designation's reviews still waiting for a report or a grade. */
    List<String> running(long designationId) {
        return jdbc.sql("""
                SELECT process_instance_id FROM registry.annual_review
                WHERE designation_id = ? AND status IN ('OPEN', 'SUBMITTED') ORDER BY review_year""")
                .param(designationId).query(String.class).list();
    }

    Optional<Review> find(long designationId, int year) {
        return jdbc.sql("SELECT * FROM registry.annual_review WHERE designation_id = ? AND review_year = ?")
                .params(designationId, year)
                .query((rs, n) -> new Review(rs.getLong("designation_id"), rs.getInt("review_year"),
                        rs.getString("process_instance_id"), AnnualReviewStatus.valueOf(rs.getString("status")),
                        rs.getString("grade"), rs.getBigDecimal("score"), rs.getString("note"), rs.getString("follow_up"),
                        rs.getString("follow_up_process_instance_id"), rs.getBoolean("failed")))
                .optional();
    }

    /**
     * A step of the model found its row in another state: another node or person did this step at the
     * same moment and committed first (the row lock made this one wait). That is a concurrent change,
     * as the engine's own optimistic locking reports it: this transaction rolls back.
     */
    private void update(String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() != 1) {
            throw new OptimisticLockingException("annual_review of process instance " + params[params.length - 1]
                    + " is not in the state this step expects: changed at the same moment elsewhere");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
