package org.ethnicunity.platform.security;

import org.camunda.bpm.engine.task.TaskQuery;
import org.ethnicunity.platform.engine.TaskFilters;

/**
 * The criteria of every shared Tasklist filter: tasks offered to one of the person's groups (claimed
 * or not) or assigned to the person. Camunda's authorization check still decides what is shown; the
 * criteria only let PostgreSQL start from the person's identity links instead of checking every open
 * task against the authorizations (docs/sizing.md: 50,000 open tasks cost the count ~400 ms that way,
 * against ~10 µs per task of the person's own). Nobody but an administrator sees a task by other
 * grants: tasks are read through candidate groups and assignees only (engine.TaskPermissions).
 */
public final class OwnWork {

    private OwnWork() {
    }

    public static TaskQuery of(TaskQuery query) {
        return query.or()
                .taskCandidateGroupInExpression("${" + TaskFilters.GROUPS_FUNCTION + "()}").includeAssignedTasks()
                .taskAssigneeExpression("${currentUser()}")
                .endOr();
    }
}
