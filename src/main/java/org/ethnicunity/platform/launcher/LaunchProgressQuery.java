package org.ethnicunity.platform.launcher;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.LaunchProgress;
import org.springframework.stereotype.Component;

/**
 * The launches' progress for the registry's list: started members from the launcher's own table,
 * submitted, graded and overdue from each kind's {@link LaunchKind#progressSql()}.
 */
@Component
class LaunchProgressQuery implements LaunchProgress {

    private final LaunchKinds kinds;
    private final BusinessClock clock;

    LaunchProgressQuery(LaunchKinds kinds, BusinessClock clock) {
        this.kinds = kinds;
        this.clock = clock;
    }

    @Override
    public Map<String, String> kinds() {
        Map<String, String> labels = new LinkedHashMap<>();
        kinds.all().forEach(kind -> labels.put(kind.code(), kind.label()));
        return labels;
    }

    @Override
    public String stateLabel(String state) {
        for (LaunchState known : LaunchState.values()) {
            if (known.name().equals(state)) {
                return known.label();
            }
        }
        return state;
    }

    @Override
    public String from() {
        return "registry.launch l";
    }

    @Override
    public String select(String where, Map<String, Object> params) {
        params.put("today", clock.today());
        params.put("now", clock.now());
        StringBuilder submitted = new StringBuilder();
        StringBuilder graded = new StringBuilder();
        StringBuilder overdue = new StringBuilder();
        StringBuilder joins = new StringBuilder();
        int n = 0;
        for (LaunchKind kind : kinds.all()) {
            String sql = kind.progressSql();
            if (sql == null) {
                continue;
            }
            String alias = "k" + n++;
            String when = " WHEN '" + kind.code() + "' THEN " + alias + ".";
            submitted.append(when).append("submitted");
            graded.append(when).append("graded");
            overdue.append(when).append("overdue");
            joins.append("CROSS JOIN LATERAL (").append(sql).append(") ").append(alias).append('\n');
        }
        return "SELECT l.*,\n"
                + "       (SELECT count(*) FROM registry.launch_member m WHERE m.launch_id = l.id AND m.state = 'STARTED') AS started,\n"
                + "       " + count(submitted) + " AS submitted,\n"
                + "       " + count(graded) + " AS graded,\n"
                + "       " + count(overdue) + " AS overdue\n"
                + "FROM " + from() + "\n" + joins + where + " ORDER BY l.created_at DESC, l.id DESC";
    }

    private static String count(StringBuilder cases) {
        return cases.isEmpty() ? "0" : "CASE l.kind" + cases + " ELSE 0 END";
    }

    @Override
    public String page(String kind, long launchId) {
        return kinds.all().stream().filter(k -> k.code().equals(kind)).findFirst()
                .map(k -> k.page(launchId)).orElse("/launches/" + launchId);
    }
}
