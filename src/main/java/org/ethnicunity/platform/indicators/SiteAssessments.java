package org.ethnicunity.platform.indicators;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The assessors' sheets of one designation, for whoever shows them (the registry's title page): the
 * indicators module owns {@code registry.site_assessment}, so others read it here, not by SQL of their own.
 */
@Service
public class SiteAssessments {

    /** One assessor's sheet as recorded: who, the total, the comment, when, in which process. */
    public record Recorded(String assessor, BigDecimal total, String comment, OffsetDateTime assessedAt,
                           String processInstanceId) {
    }

    private final JdbcClient jdbc;

    SiteAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every sheet recorded for the designation (its application's and its re-inspections'), oldest first. */
    public List<Recorded> ofDesignation(long designationId) {
        return jdbc.sql("""
                SELECT assessor, total, comment, assessed_at, process_instance_id FROM registry.site_assessment
                WHERE designation_id = ? ORDER BY assessed_at, id""").param(designationId)
                .query((rs, n) -> new Recorded(rs.getString("assessor"), rs.getBigDecimal("total"),
                        rs.getString("comment"), rs.getObject("assessed_at", OffsetDateTime.class),
                        rs.getString("process_instance_id"))).list();
    }
}
