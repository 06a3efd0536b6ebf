package org.ethnicunity.platform.registry.web;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * The list of units (创建单位) with their title at every level: for each level the designation that
 * counts (one holding the title, else the latest), filtered by region with its sub-regions, unit
 * type, a part of the name, and the level of a title held.
 */
@Component
class UnitList {

    record Filter(String region, UnitType unitType, String name, Level holding) {

        static Filter of(ListParams p) {
            return new Filter(p.region("region"), p.unitType("unitType"), p.text("q"), p.choice("holding", Level.class));
        }

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            if (region != null) {
                q.put("region", region);
            }
            if (unitType != null) {
                q.put("unitType", unitType.name());
            }
            if (name != null) {
                q.put("q", name);
            }
            if (holding != null) {
                q.put("holding", holding.name());
            }
            return q;
        }
    }

    /** The designation of one level that stands for the unit's title there. */
    record Title(long designationId, String status, String statusLabel, boolean holding) {
    }

    record Row(long id, String name, String unitType, String unitTypeLabel, String regionCode, String contactName,
               String contactEmail, Title banner, Title city, Title region, Title national) {
    }

    static final Map<String, String> SORTS = Map.of("id", "u.id", "name", "u.name", "region", "u.region_code",
            "unitType", "u.unit_type");

    private static final String HOLDING = "('NAMED','UNDER_REINSPECTION','RECTIFYING','IN_EXIT')";

    private final Listing listing;

    UnitList(Listing listing) {
        this.listing = listing;
    }

    Paged<Row> page(Filter filter, RegistryScope scope, ListParams p) {
        String sort = p.sort(SORTS.keySet(), "region");
        String direction = p.direction("asc");
        Map<String, Object> params = new HashMap<>();
        String where = where(filter, scope, params);
        long total = listing.count("SELECT count(*) FROM registry.unit u" + where, params);
        params.put("limit", p.size());
        params.put("offset", (long) p.page() * p.size());
        return new Paged<>(listing.list(select() + where + order(sort, direction) + " LIMIT :limit OFFSET :offset",
                params, UnitList::map), p.page(), p.size(), total, sort, direction);
    }

    Consumer<Consumer<Row>> all(Filter filter, RegistryScope scope, ListParams p) {
        Map<String, Object> params = new HashMap<>();
        String sql = select() + where(filter, scope, params) + order(p.sort(SORTS.keySet(), "region"), p.direction("asc"));
        return sink -> listing.stream(sql, params, UnitList::map, sink);
    }

    private static String select() {
        StringBuilder sql = new StringBuilder("SELECT u.*");
        for (Level level : Level.values()) {
            // The title of the level: a holding state first, then the latest (designation_unit index).
            sql.append(", (SELECT d.id || ':' || d.status FROM registry.designation d WHERE d.unit_id = u.id AND d.level = '")
                    .append(level.name()).append("' ORDER BY (d.status IN ").append(HOLDING)
                    .append(") DESC, d.id DESC LIMIT 1) AS title_").append(level.name().toLowerCase());
        }
        return sql.append(" FROM registry.unit u").toString();
    }

    private static String order(String sort, String direction) {
        return " ORDER BY " + SORTS.get(sort) + " " + direction + ", u.name " + direction + ", u.id " + direction;
    }

    private static String where(Filter f, RegistryScope scope, Map<String, Object> params) {
        params.putAll(scope.params());
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.condition("u.region_code", "u.contact_user"));
        if (f.region() != null) {
            where.append(" AND u.region_code LIKE :region");
            params.put("region", RegionCodes.likePattern(f.region()));
        }
        if (f.unitType() != null) {
            where.append(" AND u.unit_type = :unitType");
            params.put("unitType", f.unitType().name());
        }
        if (f.name() != null) {
            where.append(" AND strpos(u.name, :name) > 0");
            params.put("name", f.name());
        }
        if (f.holding() != null) {
            where.append(" AND EXISTS (SELECT 1 FROM registry.designation h WHERE h.unit_id = u.id AND h.level = :holding"
                    + " AND h.status IN " + HOLDING + ")");
            params.put("holding", f.holding().name());
        }
        return where.toString();
    }

    private static Row map(ResultSet rs, int n) throws SQLException {
        UnitType type = UnitType.valueOf(rs.getString("unit_type"));
        return new Row(rs.getLong("id"), rs.getString("name"), type.name(), type.label(), rs.getString("region_code"),
                rs.getString("contact_name"), rs.getString("contact_email"), title(rs.getString("title_banner")),
                title(rs.getString("title_city")), title(rs.getString("title_region")), title(rs.getString("title_national")));
    }

    private static Title title(String idAndStatus) {
        if (idAndStatus == null) {
            return null;
        }
        int colon = idAndStatus.indexOf(':');
        DesignationStatus status = DesignationStatus.valueOf(idAndStatus.substring(colon + 1));
        return new Title(Long.parseLong(idAndStatus.substring(0, colon)), status.name(), status.label(),
                DesignationStatus.HOLDING.contains(status));
    }
}
