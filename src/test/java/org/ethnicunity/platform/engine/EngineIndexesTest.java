package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the start adds to the engine's tables for many open tasks: the index, the statistics, and
 * autovacuum thresholds that keep a person's task count planned on current statistics. A second
 * start (another node, a restart) finds them and changes nothing.
 */
class EngineIndexesTest extends IntegrationTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theTaskQueriesTablesAreAnalysedAfterAThousandChanges() {
        for (String table : EngineIndexes.ANALYSED_OFTEN) {
            assertThat(options(table)).as(table)
                    .contains(EngineIndexes.ANALYSE_AFTER_CHANGES, EngineIndexes.ANALYSE_AFTER_SHARE);
        }
        assertThat(options("act_ru_variable")).as("a table no task query joins").isEmpty();
    }

    @Test
    void theIndexAndTheStatisticsExist() {
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'app_idx_ru_task_parent'",
                Integer.class)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT stxname FROM pg_statistic_ext ORDER BY stxname", String.class))
                .contains("app_stat_auth_read", "app_stat_auth_read_task");
    }

    @Test
    void aSecondStartChangesNothing() {
        List<String> before = EngineIndexes.ANALYSED_OFTEN.stream().map(this::options).toList();
        new EngineIndexes(jdbc).postProcessEngineBuild(engine);
        assertThat(EngineIndexes.ANALYSED_OFTEN.stream().map(this::options).toList()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM pg_indexes WHERE indexname = 'app_idx_ru_task_parent'",
                Integer.class)).isEqualTo(1);
    }

    private String options(String table) {
        return jdbc.queryForObject(
                "SELECT coalesce(array_to_string(reloptions, ','), '') FROM pg_class WHERE oid = to_regclass(?)",
                String.class, table);
    }
}
