package org.ethnicunity.platform.database;

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
    }
}
