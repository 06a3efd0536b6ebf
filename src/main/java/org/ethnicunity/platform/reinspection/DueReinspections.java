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

    List<Due> list() {
        LocalDate checkedBefore = clock.today().minus(settings.getCycle());
        return jdbc.sql("""
                SELECT * FROM (
                    SELECT d.id, d.unit_id, u.name, u.region_code, coalesce(c.region_code, u.region_code) AS granting,
                           d.level, d.named_date, d.document_number,
                           coalesce((SELECT max(timezone(:zone, p.ended_at))::date FROM registry.dynamic_procedure p
                                     WHERE p.designation_id = d.id AND p.kind = 'REINSPECTION' AND p.ended_at IS NOT NULL),
                                    d.named_date) AS last_check
                    FROM registry.designation d
                    JOIN registry.unit u ON u.id = d.unit_id
                    LEFT JOIN registry.campaign c ON c.id = d.campaign_id
                    WHERE d.status = 'NAMED' AND d.named_date IS NOT NULL) due
                WHERE last_check <= :before
                ORDER BY last_check, id""")
                .param("zone", clock.zone().getId()).param("before", checkedBefore)
                .query((rs, n) -> new Due(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("name"),
                        rs.getString("region_code"), rs.getString("granting"), rs.getString("level"),
                        rs.getObject("named_date", LocalDate.class), rs.getString("document_number"),
                        rs.getObject("last_check", LocalDate.class)))
                .list();
    }
}
