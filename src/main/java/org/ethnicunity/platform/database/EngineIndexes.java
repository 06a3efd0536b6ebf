package org.ethnicunity.platform.database;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An index Camunda's PostgreSQL schema lacks: every task deleted (completed) checks the foreign key
 * {@code ACT_RU_TASK.PARENT_TASK_ID_}, which scans the whole table without it. With the tens of
 * thousands of open tasks an annual-review launch creates, it halved completion speed
 * (PLATFORM-NOTES; camunda/camunda#36824). Created once the engine made its tables; idempotent.
 */
@Component
@ConditionalOnProperty(name = "app.database.engine-indexes", havingValue = "true", matchIfMissing = true)
class EngineIndexes extends AbstractProcessEnginePlugin {

    private final JdbcTemplate jdbc;

    EngineIndexes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        jdbc.execute("CREATE INDEX IF NOT EXISTS app_idx_ru_task_parent ON act_ru_task (parent_task_id_)");
    }
}
