package org.ethnicunity.platform.engine;

import java.sql.SQLException;
import java.sql.Statement;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractExecuteFilterCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * Task lists and counts (Tasklist's filters, {@code GET /task}) are planned for their own parameters.
 * The JDBC driver prepares a statement on the server after five calls, and PostgreSQL then keeps one
 * generic plan; for a person's task count, which left-joins their grants on an OR of three
 * comparisons, that plan compares every task with every grant (190-220 ms against 24 ms with 1,340
 * tasks; docs/sizing.md). Only task queries: planning every statement of the engine cost launches and
 * completions a fifth of their rate. {@code SET LOCAL} ends with the command's transaction.
 * {@link CommandInterceptors} installs {@link PlanPerCall} unless {@code app.database.task-list-plans=false}.
 */
final class TaskListPlans {

    private TaskListPlans() {
    }

    static boolean isTaskList(Command<?> command) {
        return command instanceof TaskQueryImpl || command instanceof AbstractExecuteFilterCmd;
    }

    /** Runs inside the command's context (after Camunda's own interceptors), on its connection. */
    static final class PlanPerCall extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (isTaskList(command) && "postgres".equals(Context.getProcessEngineConfiguration().getDatabaseType())) {
                try (Statement statement = Context.getCommandContext().getDbSqlSession().getSqlSession()
                        .getConnection().createStatement()) {
                    statement.execute("SET LOCAL plan_cache_mode = force_custom_plan");
                } catch (SQLException e) {
                    throw new ProcessEngineException("plan_cache_mode: " + e.getMessage(), e);
                }
            }
            return next.execute(command);
        }
    }
}
