package org.ethnicunity.platform.reports.statistics;

import org.ethnicunity.platform.contract.AnnualGrade;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.contract.Option;
import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The figures, counted by PostgreSQL over the registry's tables for the units of the scope. */
@Repository
class StatisticsRepository {


    private final JdbcClient jdbc;
    private final BusinessClock clock;

    StatisticsRepository(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param scope region codes (each covering the codes below it); empty for the whole registry */
    Statistics count(List<String> scope) {
        List<String> patterns = scope.isEmpty() ? List.of("%") : scope.stream().map(RegionCodes::likePattern).toList();
        String zone = clock.zone().getId();
        List<Statistics.Count> counts = jdbc.sql("""
                SELECT d.level, u.region_code, u.unit_type, d.status, count(*) AS n
                FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id
                WHERE u.region_code LIKE ANY (ARRAY[:patterns])
                GROUP BY d.level, u.region_code, u.unit_type, d.status
                ORDER BY u.region_code, d.level, u.unit_type, d.status""")
                .param("patterns", patterns)
                .query((rs, n) -> {
                    Level level = Level.valueOf(rs.getString("level"));
                    UnitType type = UnitType.valueOf(rs.getString("unit_type"));
                    DesignationStatus status = DesignationStatus.valueOf(rs.getString("status"));
                    return new Statistics.Count(level.name(), level.label(), rs.getString("region_code"), type.name(),
                            type.label(), status.name(), status.label(), rs.getLong("n"));
                }).list();
        List<Statistics.YearLevel> named = jdbc.sql("""
                SELECT extract(year FROM d.named_date)::int AS year, d.level, count(*) AS n
                FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id
                WHERE d.named_date IS NOT NULL AND u.region_code LIKE ANY (ARRAY[:patterns])
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("patterns", patterns)
                .query((rs, n) -> {
                    Level level = Level.valueOf(rs.getString("level"));
                    return new Statistics.YearLevel(rs.getInt("year"), level.name(), level.label(), rs.getLong("n"));
                }).list();
        List<Statistics.YearGrade> grades = jdbc.sql("""
                SELECT r.review_year, CASE WHEN r.status = 'NOT_SUBMITTED' THEN 'NOT_SUBMITTED' ELSE r.grade END AS grade,
                       count(*) AS n
                FROM registry.annual_review r JOIN registry.designation d ON d.id = r.designation_id
                JOIN registry.unit u ON u.id = d.unit_id
                WHERE (r.status = 'NOT_SUBMITTED' OR r.grade IS NOT NULL) AND u.region_code LIKE ANY (ARRAY[:patterns])
                GROUP BY 1, 2 ORDER BY 1, 2""")
                .param("patterns", patterns)
                .query((rs, n) -> new Statistics.YearGrade(rs.getInt(1), rs.getString(2),
                        gradeLabel(rs.getString(2)), rs.getLong(3))).list();
        return new Statistics(scope, clock.now().toString(), counts, named, eventsPerYear("REVOKED", patterns, zone),
                eventsPerYear("RECTIFYING", patterns, zone), grades);
    }

    /** A year's grade column: a grade, or NOT_SUBMITTED (no report by the deadline counts beside the grades). */
    private static String gradeLabel(String code) {
        return AnnualReviewStatus.NOT_SUBMITTED.name().equals(code) ? AnnualReviewStatus.NOT_SUBMITTED.label()
                : Option.labelOf(AnnualGrade.class, code);
    }

    /** Changes into the state per year of the change (business time zone): a title revoked, a rectification ordered. */
    private List<Statistics.YearCount> eventsPerYear(String toStatus, List<String> patterns, String zone) {
        return jdbc.sql("""
                SELECT extract(year FROM e.occurred_at AT TIME ZONE :zone)::int AS year, count(*) AS n
                FROM registry.designation_event e JOIN registry.designation d ON d.id = e.designation_id
                JOIN registry.unit u ON u.id = d.unit_id
                WHERE e.to_status = :status AND u.region_code LIKE ANY (ARRAY[:patterns])
                GROUP BY 1 ORDER BY 1""")
                .param("zone", zone).param("status", toStatus).param("patterns", patterns)
                .query((rs, n) -> new Statistics.YearCount(rs.getInt("year"), rs.getLong("n"))).list();
    }
}
