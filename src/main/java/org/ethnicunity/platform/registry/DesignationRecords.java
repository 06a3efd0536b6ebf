package org.ethnicunity.platform.registry;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.ethnicunity.platform.contract.AnnualFollowUp;
import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.ProcedureKind;
import org.ethnicunity.platform.contract.ProcedureOutcome;
import org.ethnicunity.platform.indicators.SiteAssessments;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the lifecycles recorded about one designation besides its state changes: the on-site
 * assessments of its nomination, its annual reviews with their grades, its re-inspection and exit
 * procedures: the sheets through {@code indicators}, the reviews through {@link AnnualReviewHistory}
 * (the registry depends on no lifecycle package), the procedures from the registry's own table.
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
    private final SiteAssessments assessments;
    private final ObjectProvider<AnnualReviewHistory> reviews;

    DesignationRecords(JdbcClient jdbc, SiteAssessments assessments, ObjectProvider<AnnualReviewHistory> reviews) {
        this.jdbc = jdbc;
        this.assessments = assessments;
        this.reviews = reviews;
    }

    List<Assessment> assessments(long designationId) {
        return assessments.ofDesignation(designationId).stream().map(a -> new Assessment(a.assessor(), a.total(),
                a.comment(), a.assessedAt(), a.processInstanceId())).toList();
    }

    List<AnnualReview> annualReviews(long designationId) {
        AnnualReviewHistory history = reviews.getIfAvailable();
        return history == null ? List.of() : history.of(designationId).stream().map(r -> new AnnualReview(r.year(),
                r.status(), Option.labelOf(AnnualReviewStatus.class, r.status()), r.grade(),
                Option.labelOf(AnnualGrade.class, r.grade()), r.score(), r.selfTotal(), r.gradedBy(), r.gradedAt(),
                r.comment(), Option.labelOf(AnnualFollowUp.class, r.followUp()), r.processInstanceId())).toList();
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
