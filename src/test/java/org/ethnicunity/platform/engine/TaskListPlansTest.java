package org.ethnicunity.platform.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A task query runs with a plan for its own parameters, in its own transaction only; every other
 * command keeps PostgreSQL's default, and so does the next command on the same connection.
 */
class TaskListPlansTest extends IntegrationTest {

    @Test
    void aTaskQueryIsPlannedForItsParametersAndNothingElseIs() {
        CommandExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        PlanReadingTaskQuery query = new PlanReadingTaskQuery(executor);
        query.list();
        assertThat(query.seen).isEqualTo("force_custom_plan");

        Command<String> other = TaskListPlansTest::planCacheMode;
        assertThat(executor.execute(other)).isEqualTo("auto");
        assertThat(TaskListPlans.isTaskList(other)).isFalse();
        assertThat(TaskListPlans.isTaskList(new org.camunda.bpm.engine.impl.cmd.ExecuteFilterCountCmd("any"))).isTrue();
    }

    static String planCacheMode(CommandContext context) {
        try (Statement statement = context.getDbSqlSession().getSqlSession().getConnection().createStatement();
             ResultSet result = statement.executeQuery("SELECT current_setting('plan_cache_mode')")) {
            result.next();
            return result.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A task query that notes the setting it ran with instead of listing tasks. */
    static final class PlanReadingTaskQuery extends TaskQueryImpl {

        String seen;

        PlanReadingTaskQuery(CommandExecutor executor) {
            super(executor);
        }

        @Override
        public List<Task> executeList(CommandContext context, Page page) {
            seen = planCacheMode(context);
            return List.of();
        }
    }
}
