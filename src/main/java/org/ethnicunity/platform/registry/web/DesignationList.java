package org.ethnicunity.platform.registry.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.UnitType;
import org.springframework.stereotype.Component;

/**
 * The list of designations (命名记录) with its filters: level, region with its sub-regions, unit
 * type, status, year, batch and a part of the unit's name; paged and sorted for the page and the
 * API, streamed for the export. The year is the campaign's, or the naming year of a title recorded
 * without a campaign (a national title, an imported one).
 */
@Component
class DesignationList {

    /** The filters; null means any. */
    record Filter(Level level, String region, UnitType unitType, DesignationStatus status, Integer year, String batch,
                  String name) {

        static Filter of(ListParams p) {
            return new Filter(p.choice("level", Level.class), p.region("region"), p.unitType("unitType"),
                    p.choice("status", DesignationStatus.class), p.year("year"), p.text("batch"), p.text("q"));
        }

        /** The filters as query parameters, for the links of the page (export, paging, sorting). */
        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            put(q, "level", level == null ? null : level.name());
            put(q, "region", region);
            put(q, "unitType", unitType == null ? null : unitType.name());
            put(q, "status", status == null ? null : status.name());
            put(q, "year", year == null ? null : year.toString());
            put(q, "batch", batch);
            put(q, "q", name);
            return q;
        }

        private static void put(Map<String, String> q, String key, String value) {
            if (value != null) {
                q.put(key, value);
            }
        }
    }

    /** One designation as the list shows it: codes for programs, Chinese labels for people. */
    record Row(long id, long unitId, String unitName, String unitType, String unitTypeLabel, String regionCode,
               String level, String levelLabel, String status, String statusLabel, Long campaignId,
               String campaignName, Integer year, String batch, LocalDate namedDate, String documentNumber,
               LocalDate expiryDate, LocalDate revokedDate, boolean recommended) {
    }

    /** Sort keys of the API and the page, and the SQL they order by. */
    static final Map<String, String> SORTS = Map.of("id", "d.id", "unit", "u.name", "region", "u.region_code",
            "level", "array_position(ARRAY['BANNER','CITY','REGION','NATIONAL']::text[], d.level::text)",
            "status", "d.status", "year", "year", "namedDate", "d.named_date", "expiryDate", "d.expiry_date");

    private static final String FROM = """
             FROM registry.designation d JOIN registry.unit u ON u.id = d.unit_id
             LEFT JOIN registry.campaign c ON c.id = d.campaign_id
            """;

    private final Listing listing;

    DesignationList(Listing listing) {
        this.listing = listing;
    }

    Paged<Row> page(Filter filter, RegistryScope scope, ListParams p) {
        String sort = p.sort(SORTS.keySet(), "namedDate");
        String direction = p.direction("desc");
        int size = p.size();
        int page = p.page();
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        long total = listing.count("SELECT count(*)" + FROM + where, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        return new Paged<>(listing.list(select() + where + order(sort, direction) + " LIMIT :limit OFFSET :offset",
                params, DesignationList::map), page, size, total, sort, direction);
    }

    /**
     * Every matching row in the page's order (without paging), to be pushed into a sink later: the
     * parameters are checked now, before an export has started its answer.
     */
    Consumer<Consumer<Row>> all(Filter filter, RegistryScope scope, ListParams p) {
        Map<String, Object> params = new HashMap<>();
        String sql = select() + where(filter, scope, params) + order(p.sort(SORTS.keySet(), "namedDate"), p.direction("desc"));
        return sink -> listing.stream(sql, params, DesignationList::map, sink);
    }

    private static String select() {
        return "SELECT d.*, u.name AS unit_name, u.unit_type, u.region_code, c.name AS campaign_name, "
                + "COALESCE(c.year, CAST(EXTRACT(YEAR FROM d.named_date) AS int)) AS year" + FROM;
    }

    private static String order(String sort, String direction) {
        return " ORDER BY " + SORTS.get(sort) + " " + direction + " NULLS LAST, d.id " + direction;
    }

    private static String where(Filter f, RegistryScope scope, Map<String, Object> params) {
        params.putAll(scope.params());
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.condition("u.region_code", "u.contact_user"));
        if (f.level() != null) {
            where.append(" AND d.level = :level");
            params.put("level", f.level().name());
        }
        if (f.region() != null) {
            where.append(" AND u.region_code LIKE :region");
            params.put("region", RegionCodes.likePattern(f.region()));
        }
        if (f.unitType() != null) {
            where.append(" AND u.unit_type = :unitType");
            params.put("unitType", f.unitType().name());
        }
        if (f.status() != null) {
            where.append(" AND d.status = :status");
            params.put("status", f.status().name());
        }
        if (f.year() != null) {
            where.append(" AND COALESCE(c.year, CAST(EXTRACT(YEAR FROM d.named_date) AS int)) = :year");
            params.put("year", f.year());
        }
        if (f.batch() != null) {
            where.append(" AND d.batch = :batch");
            params.put("batch", f.batch());
        }
        if (f.name() != null) {
            where.append(" AND strpos(u.name, :name) > 0");
            params.put("name", f.name());
        }
        return where.toString();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        UnitType type = UnitType.valueOf(rs.getString("unit_type"));
        Level level = Level.valueOf(rs.getString("level"));
        DesignationStatus status = DesignationStatus.valueOf(rs.getString("status"));
        return new Row(rs.getLong("id"), rs.getLong("unit_id"), rs.getString("unit_name"), type.name(), type.label(),
                rs.getString("region_code"), level.name(), level.label(), status.name(), status.label(),
                rs.getObject("campaign_id", Long.class), rs.getString("campaign_name"),
                rs.getObject("year", Integer.class), rs.getString("batch"), rs.getObject("named_date", LocalDate.class),
                rs.getString("document_number"), rs.getObject("expiry_date", LocalDate.class),
                rs.getObject("revoked_date", LocalDate.class), rs.getBoolean("recommended"));
    }
}
