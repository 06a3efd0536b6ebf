package org.ethnicunity.platform.annualreview;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.ethnicunity.platform.registry.AnnualReviewHistory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registry's view of a designation's annual reviews, read from this module's own table. */
@Repository
class AnnualReviewHistoryQuery implements AnnualReviewHistory {

    private final JdbcClient jdbc;

    AnnualReviewHistoryQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Review> of(long designationId) {
        return jdbc.sql("""
                SELECT review_year, status, grade, score, self_total, graded_by, graded_at, review_comment, follow_up,
                       process_instance_id
                FROM registry.annual_review WHERE designation_id = ? ORDER BY review_year DESC""").param(designationId)
                .query((rs, n) -> new Review(rs.getInt("review_year"), rs.getString("status"), rs.getString("grade"),
                        rs.getBigDecimal("score"), rs.getBigDecimal("self_total"), rs.getString("graded_by"),
                        rs.getObject("graded_at", OffsetDateTime.class), rs.getString("review_comment"),
                        rs.getString("follow_up"), rs.getString("process_instance_id"))).list();
    }
}
