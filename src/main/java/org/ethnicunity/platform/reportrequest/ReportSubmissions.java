package org.ethnicunity.platform.reportrequest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** registry.report_submission: one row per member of a report request, kept by the member's instance. */
@Repository
class ReportSubmissions {

    /** What a new row needs: the member, the launch, and its instance. */
    record Request(long launchId, String memberKey, String memberType, String memberName, String regionCode,
                   String requesterRegionCode, String launchTitle, String processInstanceId, LocalDate dueDate,
                   OffsetDateTime dueAt, OffsetDateTime requestedAt) {
    }

    /** One member's row as the live view shows it. */
    record Row(long launchId, String memberKey, String memberType, String memberName, String regionCode,
               String requesterRegionCode, String launchTitle, String processInstanceId, SubmissionStatus status,
               LocalDate dueDate, OffsetDateTime dueAt, OffsetDateTime requestedAt, OffsetDateTime firstSubmittedAt,
               OffsetDateTime submittedAt, String submittedBy, int submissions, boolean late, String reportText,
               String reportLink, String returnedReason, OffsetDateTime revisionDueAt, String reviewedBy,
               OffsetDateTime reviewedAt, String reviewComment, OffsetDateTime endedAt) {

        /** Nothing submitted (or the revision not resubmitted) and the due time has passed. */
        boolean overdue(OffsetDateTime now) {
            return status == SubmissionStatus.REQUESTED && now.isAfter(dueAt)
                    || status == SubmissionStatus.RETURNED && revisionDueAt != null && now.isAfter(revisionDueAt);
        }
    }

    /** The live counts of one launch. */
    record Counts(long requested, long submitted, long late, long notSubmitted, long overdueNotSubmitted,
                  long awaitingReview, long returned, long accepted, long ended) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate cursor;
    private final TransactionTemplate readOnly;

    ReportSubmissions(JdbcClient jdbc, DataSource dataSource,
                      PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        // The workbook of every report streams through a cursor: PostgreSQL's driver reads a whole
        // result into memory unless the statement has a fetch size and runs in a transaction.
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    /** Every member's row of the launch, by region and name, each handed to {@code sink} as it is read. */
    void forEach(long launchId, Consumer<Row> sink) {
        readOnly.executeWithoutResult(status -> cursor.query(
                "SELECT * FROM registry.report_submission WHERE launch_id = ? ORDER BY region_code, member_name, member_key",
                (RowCallbackHandler) rs -> sink.accept(map(rs, rs.getRow())), launchId));
    }

    /**
     * Inserts the member's row; false when the launch already asked this member (another instance
     * holds the row). ON CONFLICT keeps the transaction usable, so the instance can end cleanly.
     */
    boolean insert(Request r) {
        return jdbc.sql("""
                INSERT INTO registry.report_submission (launch_id, member_key, member_type, member_name, region_code,
                    requester_region_code, launch_title, process_instance_id, status, due_date, due_at, requested_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?, ?, ?)
                ON CONFLICT (launch_id, member_key) DO NOTHING""")
                .params(r.launchId(), r.memberKey(), r.memberType(), r.memberName(), r.regionCode(),
                        r.requesterRegionCode(), r.launchTitle(), r.processInstanceId(), r.dueDate(), r.dueAt(),
                        r.requestedAt())
                .update() == 1;
    }

    /** A (re)submission; {@code late} counts for the first one only: a revision asked for is not late. */
    void submitted(String processInstanceId, String text, String link, String by, boolean late, OffsetDateTime at) {
        update("""
                UPDATE registry.report_submission SET status = 'SUBMITTED', report_text = ?, report_link = ?,
                    submitted_by = ?, submitted_at = ?, first_submitted_at = COALESCE(first_submitted_at, ?),
                    late = CASE WHEN first_submitted_at IS NULL THEN ? ELSE late END, submissions = submissions + 1
                WHERE process_instance_id = ?""", text, link, by, at, at, late, processInstanceId);
    }

    void returned(String processInstanceId, String reason, OffsetDateTime revisionDueAt, String by, OffsetDateTime at) {
        update("""
                UPDATE registry.report_submission SET status = 'RETURNED', returned_reason = ?, review_comment = ?,
                    revision_due_at = ?, reviewed_by = ?, reviewed_at = ?
                WHERE process_instance_id = ?""", reason, reason, revisionDueAt, by, at, processInstanceId);
    }

    void accepted(String processInstanceId, String comment, String by, OffsetDateTime at) {
        update("""
                UPDATE registry.report_submission SET status = 'ACCEPTED', review_comment = ?, reviewed_by = ?,
                    reviewed_at = ?, ended_at = ?
                WHERE process_instance_id = ?""", comment, by, at, at, processInstanceId);
    }

    /** The instance ended without an accepted report (cancelled, deleted); an accepted row stays ACCEPTED. */
    void ended(String processInstanceId, OffsetDateTime at) {
        jdbc.sql("""
                UPDATE registry.report_submission SET status = 'ENDED', ended_at = ?
                WHERE process_instance_id = ? AND status <> 'ACCEPTED' AND status <> 'ENDED'""")
                .params(at, processInstanceId).update();
    }

    /** Any row of the launch: its title, requesting region and due date are the same in every row. */
    Optional<Row> anyOf(long launchId) {
        return jdbc.sql("SELECT * FROM registry.report_submission WHERE launch_id = ? ORDER BY id LIMIT 1")
                .param(launchId).query(ReportSubmissions::map).optional();
    }

    Optional<Row> find(long launchId, String memberKey) {
        return jdbc.sql("SELECT * FROM registry.report_submission WHERE launch_id = ? AND member_key = ?")
                .params(launchId, memberKey).query(ReportSubmissions::map).optional();
    }

    Optional<Row> ofInstance(String processInstanceId) {
        return jdbc.sql("SELECT * FROM registry.report_submission WHERE process_instance_id = ?")
                .param(processInstanceId).query(ReportSubmissions::map).optional();
    }

    Counts counts(long launchId, OffsetDateTime now) {
        return jdbc.sql("""
                SELECT count(*),
                       count(*) FILTER (WHERE first_submitted_at IS NOT NULL),
                       count(*) FILTER (WHERE late),
                       count(*) FILTER (WHERE status = 'REQUESTED'),
                       count(*) FILTER (WHERE status = 'REQUESTED' AND due_at < ?),
                       count(*) FILTER (WHERE status = 'SUBMITTED'),
                       count(*) FILTER (WHERE status = 'RETURNED'),
                       count(*) FILTER (WHERE status = 'ACCEPTED'),
                       count(*) FILTER (WHERE status = 'ENDED')
                FROM registry.report_submission WHERE launch_id = ?""")
                .params(now, launchId)
                .query((rs, n) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9)))
                .single();
    }

    /** A page of the launch's members, by region then name; {@code status} null for all. */
    List<Row> members(long launchId, SubmissionStatus status, int offset, int limit) {
        return jdbc.sql("""
                SELECT * FROM registry.report_submission
                WHERE launch_id = ? AND (CAST(? AS text) IS NULL OR status = CAST(? AS text))
                ORDER BY region_code, member_name, member_key OFFSET ? LIMIT ?""")
                .params(launchId, status == null ? null : status.name(), status == null ? null : status.name(), offset, limit)
                .query(ReportSubmissions::map).list();
    }

    long count(long launchId, SubmissionStatus status) {
        return jdbc.sql("""
                SELECT count(*) FROM registry.report_submission
                WHERE launch_id = ? AND (CAST(? AS text) IS NULL OR status = CAST(? AS text))""")
                .params(launchId, status == null ? null : status.name(), status == null ? null : status.name())
                .query(Long.class).single();
    }

    private void update(String sql, Object... params) {
        if (jdbc.sql(sql).params(params).update() != 1) {
            // Every step runs in the instance that inserted the row: a missing row is a broken instance.
            throw new IllegalStateException("No report_submission row for process instance " + params[params.length - 1]);
        }
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        return new Row(rs.getLong("launch_id"), rs.getString("member_key"), rs.getString("member_type"),
                rs.getString("member_name"), rs.getString("region_code"), rs.getString("requester_region_code"),
                rs.getString("launch_title"), rs.getString("process_instance_id"),
                SubmissionStatus.valueOf(rs.getString("status")), rs.getObject("due_date", LocalDate.class),
                rs.getObject("due_at", OffsetDateTime.class), rs.getObject("requested_at", OffsetDateTime.class),
                rs.getObject("first_submitted_at", OffsetDateTime.class), rs.getObject("submitted_at", OffsetDateTime.class),
                rs.getString("submitted_by"), rs.getInt("submissions"), rs.getBoolean("late"), rs.getString("report_text"),
                rs.getString("report_link"), rs.getString("returned_reason"),
                rs.getObject("revision_due_at", OffsetDateTime.class), rs.getString("reviewed_by"),
                rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_comment"),
                rs.getObject("ended_at", OffsetDateTime.class));
    }
}
