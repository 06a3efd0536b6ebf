package org.ethnicunity.platform.registry;

import org.ethnicunity.platform.contract.AnnualFollowUp;
import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.contract.Option;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.contract.ProcedureKind;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the lifecycles recorded about one designation besides its state changes: the on-site
 * assessments of its nomination, its annual reviews with their grades, its re-inspection and exit
 * procedures. Read from their tables by SQL, so the registry depends on no lifecycle package.
 */
@Repository
class DesignationRecords {

    record Assessment(String assessor, BigDecimal total, String comment, OffsetDateTime assessedAt,
                      String processInstanceId) {
    }

    record AnnualReview(int year, String status, String statusLabel, String grade, String gradeLabel, BigDecimal score,
                        BigDecimal selfTotal, String gradedBy, OffsetDateTime gradedAt, String comment, String followUp,
                        String processInstanceId) {
    }

    record Procedure(String kind, String kindLabel, OffsetDateTime startedAt, OffsetDateTime endedAt, String outcome,
                     String outcomeLabel, String processInstanceId) {
    }


    private final JdbcClient jdbc;

    DesignationRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Assessment> assessments(long designationId) {
        return jdbc.sql("""
                SELECT assessor, total, comment, assessed_at, process_instance_id FROM registry.site_assessment
                WHERE designation_id = ? ORDER BY assessed_at, id""").param(designationId)
                .query((rs, n) -> new Assessment(rs.getString("assessor"), rs.getBigDecimal("total"),
                        rs.getString("comment"), rs.getObject("assessed_at", OffsetDateTime.class),
                        rs.getString("process_instance_id"))).list();
    }

    List<AnnualReview> annualReviews(long designationId) {
        return jdbc.sql("""
                SELECT review_year, status, grade, score, self_total, graded_by, graded_at, review_comment, follow_up,
                       process_instance_id
                FROM registry.annual_review WHERE designation_id = ? ORDER BY review_year DESC""").param(designationId)
                .query((rs, n) -> new AnnualReview(rs.getInt("review_year"), rs.getString("status"),
                        Option.labelOf(AnnualReviewStatus.class, rs.getString("status")), rs.getString("grade"),
                        Option.labelOf(AnnualGrade.class, rs.getString("grade")),
                        rs.getBigDecimal("score"), rs.getBigDecimal("self_total"), rs.getString("graded_by"),
                        rs.getObject("graded_at", OffsetDateTime.class), rs.getString("review_comment"),
                        Option.labelOf(AnnualFollowUp.class, rs.getString("follow_up")), rs.getString("process_instance_id"))).list();
    }

    List<Procedure> procedures(long designationId) {
        return jdbc.sql("""
                SELECT kind, started_at, ended_at, outcome, process_instance_id FROM registry.dynamic_procedure
                WHERE designation_id = ? ORDER BY started_at, id""").param(designationId)
                .query((rs, n) -> new Procedure(rs.getString("kind"), ProcedureKind.labelOf(rs.getString("kind")),
                        rs.getObject("started_at", OffsetDateTime.class), rs.getObject("ended_at", OffsetDateTime.class),
                        rs.getString("outcome"), rs.getString("outcome") == null ? "进行中"
                        : ProcedureOutcome.labelOf(rs.getString("outcome")),
                        rs.getString("process_instance_id"))).list();
    }
}
