package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/** What a task listener can learn about a task only from the engine's internals. */
public final class Tasks {

    /** The state of a task while the command that creates it runs (TaskEntity.TaskState.STATE_INIT). */
    static final String INIT_STATE = "Init";

    private Tasks() {
    }

    /**
     * Whether the task is being created by the command now running (the model assigned it while
     * creating it), as opposed to an existing task being assigned by somebody.
     */
    public static boolean createdByThisCommand(DelegateTask task) {
        TaskEntity entity = (TaskEntity) task;
        return INIT_STATE.equals(entity.getTaskState()) || Context.getCommandContext() != null
                && Context.getCommandContext().getDbEntityManager().getDbEntityCache().isTransient(entity);
    }
}
