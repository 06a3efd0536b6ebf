package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Candidates and assignees of a task get {@code TASK_WORK} on it (claim, complete, submit its form)
 * instead of Camunda's default {@code UPDATE}, which would also let them set its variables, hand it
 * to anybody, change its candidate groups and edit it. Not a setting: it is what the authorization
 * matrix (docs/security.md) rests on. They also get {@code READ} on the task's history, which Tasklist's
 * comments need. {@link OwnWorkGuard} (installed by {@link CommandInterceptors}) closes what
 * {@code TASK_WORK} leaves open. The shared filters' expression function
 * {@code currentUserGroupsOrNone()} ({@link TaskFilters}) is registered here too.
 */
@Component
class TaskPermissions extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setDefaultUserPermissionNameForTask(Permissions.TASK_WORK.getName());
        // Candidates and assignees also read the history of that one task (its comments and who did
        // what: Tasklist's comment and history tabs), and nothing else of the history.
        configuration.setEnableHistoricInstancePermissions(true);
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        try {
            configuration.getExpressionManager().addFunction(TaskFilters.GROUPS_FUNCTION,
                    TaskFilters.class.getMethod(TaskFilters.GROUPS_FUNCTION));
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
