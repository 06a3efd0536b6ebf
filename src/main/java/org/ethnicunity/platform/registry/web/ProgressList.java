package org.ethnicunity.platform.registry.web;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.LaunchProgress;
import org.ethnicunity.platform.registry.Level;
import org.springframework.stereotype.Component;

/**
 * Progress of the commissions' rounds of work, newest first: naming campaigns (applications, in
 * review, in notice, named, declined) and launches — annual reviews, report requests, scheduled
 * re-inspections — with started, submitted, graded (accepted) and overdue. The launches' rows,
 * counts and labels come from the launcher ({@link LaunchProgress}), which asks each kind for its
 * own; the registry pages them within the viewer's scope and knows no lifecycle package.
 */
@Component
class ProgressList {

    record CampaignFilter(Level level, Integer year, String region) {

        static CampaignFilter of(ListParams p) {
            return new CampaignFilter(p.choice("level", Level.class), p.year("year"), p.region("region"));
        }

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            if (level != null) {
                q.put("level", level.name());
            }
            if (year != null) {
                q.put("year", year.toString());
            }
            if (region != null) {
                q.put("region", region);
            }
            return q;
        }
    }

    record CampaignRow(long id, String code, String name, String level, String levelLabel, int year, String regionCode,
                       LocalDate applicationStart, LocalDate applicationEnd, Integer quota, long applications,
                       long inReview, long inNotice, long named, long declined) {
    }

    record LaunchFilter(String kind, String region) {

        /** The kind is checked against the launcher's kinds when the list is asked for. */
        static LaunchFilter of(ListParams p) {
            return new LaunchFilter(p.text("kind"), p.region("region"));
        }

        Map<String, String> query() {
            Map<String, String> q = new LinkedHashMap<>();
            if (kind != null) {
                q.put("kind", kind);
            }
            if (region != null) {
                q.put("region", region);
            }
            return q;
        }
    }

    /**
     * One launch: its members, how many instances were started, how many submitted, graded (annual
     * review) or accepted (report), and how many are overdue (not submitted by the due date).
     */
    record LaunchRow(long id, String kind, String kindLabel, String title, String regionCode, String state,
                     String stateLabel, OffsetDateTime createdAt, LocalDate dueDate, int total, long started,
                     long submitted, long graded, long overdue, String link) {
    }

    private final Listing listing;
    private final LaunchProgress launches;

    ProgressList(Listing listing, LaunchProgress launches) {
        this.listing = listing;
        this.launches = launches;
    }

    /** The kinds a launch may be of, code to name, for the list's filter. */
    Map<String, String> kinds() {
        return launches.kinds();
    }

    Paged<CampaignRow> campaigns(CampaignFilter filter, RegistryScope scope, ListParams p) {
        Map<String, Object> params = new HashMap<>();
        String where = campaignWhere(filter, scope, params);
        long total = listing.count("SELECT count(*) FROM registry.campaign c" + where, params);
        params.put("limit", p.size());
        params.put("offset", (long) p.page() * p.size());
        return new Paged<>(listing.list(campaignSql(where) + " LIMIT :limit OFFSET :offset", params,
                ProgressList::campaign), p.page(), p.size(), total, "year", "desc");
    }

    Consumer<Consumer<CampaignRow>> allCampaigns(CampaignFilter filter, RegistryScope scope) {
        Map<String, Object> params = new HashMap<>();
        String sql = campaignSql(campaignWhere(filter, scope, params));
        return sink -> listing.stream(sql, params, ProgressList::campaign, sink);
    }

    Paged<LaunchRow> launches(LaunchFilter filter, RegistryScope scope, ListParams p) {
        Map<String, Object> params = new HashMap<>();
        String where = launchWhere(filter, scope, params);
        long total = listing.count("SELECT count(*) FROM " + launches.from() + where, params);
        params.put("limit", p.size());
        params.put("offset", (long) p.page() * p.size());
        return new Paged<>(listing.list(launches.select(where, params) + " LIMIT :limit OFFSET :offset", params,
                this::launch), p.page(), p.size(), total, "createdAt", "desc");
    }

    Consumer<Consumer<LaunchRow>> allLaunches(LaunchFilter filter, RegistryScope scope) {
        Map<String, Object> params = new HashMap<>();
        String sql = launches.select(launchWhere(filter, scope, params), params);
        return sink -> listing.stream(sql, params, this::launch, sink);
    }

    private static String campaignSql(String where) {
        return """
                SELECT c.*, count(d.id) AS applications,
                       count(d.id) FILTER (WHERE d.status IN ('CULTIVATING', 'APPLYING', 'UNDER_REVIEW')) AS in_review,
                       count(d.id) FILTER (WHERE d.status = 'IN_NOTICE') AS in_notice,
                       count(d.id) FILTER (WHERE d.named_date IS NOT NULL) AS named,
                       count(d.id) FILTER (WHERE d.status = 'DECLINED') AS declined
                FROM registry.campaign c LEFT JOIN registry.designation d ON d.campaign_id = c.id""" + where
                + " GROUP BY c.id ORDER BY c.year DESC, c.id DESC";
    }

    private static String campaignWhere(CampaignFilter f, RegistryScope scope, Map<String, Object> params) {
        params.putAll(scope.params());
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.condition("c.region_code", null));
        if (f.level() != null) {
            where.append(" AND c.level = :level");
            params.put("level", f.level().name());
        }
        if (f.year() != null) {
            where.append(" AND c.year = :year");
            params.put("year", f.year());
        }
        if (f.region() != null) {
            where.append(" AND c.region_code LIKE :region");
            params.put("region", RegionCodes.likePattern(f.region()));
        }
        return where.toString();
    }

    private String launchWhere(LaunchFilter f, RegistryScope scope, Map<String, Object> params) {
        Map<String, String> kinds = launches.kinds();
        if (f.kind() != null && !kinds.containsKey(f.kind())) {
            throw new RuleViolation("kind", "参数 kind 的值「" + f.kind() + "」无效，可选：" + kinds.entrySet().stream()
                    .map(k -> k.getKey() + "（" + k.getValue() + "）").collect(Collectors.joining("、")));
        }
        params.putAll(scope.params());
        StringBuilder where = new StringBuilder(" WHERE ").append(scope.condition("l.region_code", null));
        if (f.kind() != null) {
            where.append(" AND l.kind = :kind");
            params.put("kind", f.kind());
        }
        if (f.region() != null) {
            where.append(" AND l.region_code LIKE :region");
            params.put("region", RegionCodes.likePattern(f.region()));
        }
        return where.toString();
    }

    private static CampaignRow campaign(ResultSet rs, int n) throws SQLException {
        Level level = Level.valueOf(rs.getString("level"));
        return new CampaignRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), level.name(), level.label(),
                rs.getInt("year"), rs.getString("region_code"), rs.getObject("application_start", LocalDate.class),
                rs.getObject("application_end", LocalDate.class), rs.getObject("quota", Integer.class),
                rs.getLong("applications"), rs.getLong("in_review"), rs.getLong("in_notice"), rs.getLong("named"),
                rs.getLong("declined"));
    }

    private LaunchRow launch(ResultSet rs, int n) throws SQLException {
        String kind = rs.getString("kind");
        long id = rs.getLong("id");
        return new LaunchRow(id, kind, launches.kinds().getOrDefault(kind, kind), rs.getString("title"), rs.getString("region_code"),
                rs.getString("state"), launches.stateLabel(rs.getString("state")),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("due_date", LocalDate.class),
                rs.getInt("total"), rs.getLong("started"), rs.getLong("submitted"), rs.getLong("graded"),
                rs.getLong("overdue"), launches.page(kind, id));
    }
}
