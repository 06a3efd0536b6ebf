package org.ethnicunity.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What Camunda's PostgreSQL schema lacks for many open tasks. An index: every task deleted (completed) checks the foreign key
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which scans the whole table without it. With the tens of
 * thousands of open tasks an annual-review launch creates, it halved completion speed
 * (PLATFORM-NOTES; camunda/camunda#36824). Created once the engine made its tables; idempotent.
 */
@Component
@ConditionalOnProperty(name = "app.database.engine-indexes", havingValue = "true", matchIfMissing = true)
class EngineIndexes extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineIndexes.class);
    /** The tables a person's task query joins, whose rows a launch or a burst of completions changes. */
    static final List<String> ANALYSED_OFTEN = List.of("act_ru_task", "act_ru_identitylink", "act_ru_authorization");
    static final String ANALYSE_AFTER_CHANGES = "autovacuum_analyze_threshold=1000";
    static final String ANALYSE_AFTER_SHARE = "autovacuum_analyze_scale_factor=0.01";
    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS app_idx_ru_task_parent ON act_ru_task (parent_task_id_)");
        // Every task query of a person joins the authorizations filtered by "PERMS_ & 2 = 2"; PostgreSQL
        // guesses 0.5 % of rows for such an expression, so with one authorization per open task it
        // scanned all of them once per task: a count over 50,000 open tasks took 199 s (docs/sizing.md).
        // Statistics on the two expressions give it the true share, and it looks them up by index instead
        // (1.5 s). Expression statistics need PostgreSQL 14 or later; older servers keep the guess.
        try {
            jdbc.execute("CREATE STATISTICS IF NOT EXISTS app_stat_auth_read ON ((perms_ & 2)) FROM act_ru_authorization");
            jdbc.execute("CREATE STATISTICS IF NOT EXISTS app_stat_auth_read_task ON ((perms_ & 64)) FROM act_ru_authorization");
        } catch (DataAccessException olderServer) {
            log.warn("PostgreSQL older than 14: no expression statistics on ACT_RU_AUTHORIZATION; task lists of large "
                    + "deployments will be slow (docs/sizing.md): {}", olderServer.getMessage());
        }
        // Statistics that lag a burst of work make the same count quadratic: 5,000 reports gave one
        // commission 2,518 new grants, and until autovacuum analysed the grants (10 % of 106,000 rows
        // changed, then up to a minute) the planner expected 6 and compared every task with each of
        // them: 830 ms a count instead of 82 (docs/sizing.md). Analysed after a thousand changes or 1 %.
        for (String table : ANALYSED_OFTEN) {
            String options = jdbc.queryForObject(
                    "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE oid = to_regclass(?)",
                    String.class, table);
            if (!options.contains(ANALYSE_AFTER_CHANGES)) {
                jdbc.execute("ALTER TABLE " + table + " SET (" + ANALYSE_AFTER_CHANGES + ", " + ANALYSE_AFTER_SHARE + ")");
            }
        }
    }
}
