package org.ethnicunity.platform.reinspection;

import java.time.LocalDate;
import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Named designations whose last check is older than the re-inspection cycle: the last finished
 * re-inspection, or the naming when there was none. Oldest first.
 */
@Repository
class DueReinspections {

    /** One designation due for re-inspection, with the granting region that may start it. */
    record Due(long designationId, long unitId, String unitName, String regionCode, String grantingRegionCode,
               String level, LocalDate namedDate, String documentNumber, LocalDate lastCheck) {
    }

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final ReinspectionSettings settings;

    DueReinspections(JdbcClient jdbc, BusinessClock clock, ReinspectionSettings settings) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Named titles whose last check is a cycle ago or earlier, as a subquery: columns id, unit_id, name,
     * region_code, unit_type, granting, level, named_date, document_number, last_check. Parameters
     * {@code :zone} and {@code :today}; the cycle (a setting, not input) is written in.
     */
    static String dueSql(java.time.Period cycle) {
        return """
                SELECT * FROM (
                    SELECT d.id, d.unit_id, u.name, u.region_code, u.unit_type, coalesce(c.region_code, left(u.region_code, 6)) AS granting,
                           d.level, d.named_date, d.document_number,
                           coalesce((SELECT max(timezone(:zone, p.ended_at))::date FROM registry.dynamic_procedure p
                                     WHERE p.designation_id = d.id AND p.kind = 'REINSPECTION' AND p.ended_at IS NOT NULL),
                                    d.named_date) AS last_check
                    FROM registry.designation d
                    JOIN registry.unit u ON u.id = d.unit_id
                    LEFT JOIN registry.campaign c ON c.id = d.campaign_id
                    WHERE d.status = 'NAMED' AND d.named_date IS NOT NULL) checked
                WHERE last_check <= (CAST(:today AS date) - CAST('%s' AS interval))::date""".formatted(cycle);
    }

    List<Due> list() {
        return jdbc.sql(dueSql(settings.getCycle()) + " ORDER BY last_check, id")
                .param("zone", clock.zone().getId()).param("today", clock.today())
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("granting"), rs.getString("level"),
                        rs.getObject("named_date", LocalDate.class), rs.getString("document_number"),
                        rs.getObject("last_check", LocalDate.class)))
                .list();
    }
}
