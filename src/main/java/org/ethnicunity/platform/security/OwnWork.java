package org.ethnicunity.platform.security;

import java.util.List;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * The criteria of every shared Tasklist filter: tasks offered to one of the person's groups (claimed
 * or not) or assigned to the person. Camunda's authorization check still decides what is shown; the
 * criteria only let PostgreSQL start from the person's identity links instead of checking every open
 * task against the authorizations (docs/sizing.md: 50,000 open tasks cost the count ~400 ms that way,
 * against ~10 µs per task of the person's own). Nobody but an administrator sees a task by other
 * grants: tasks are read through candidate groups and assignees only (TaskPermissionsPlugin).
 */
public final class OwnWork {

    /** The expression function the stored filters use; registered by TaskPermissionsPlugin. */
    static final String GROUPS_FUNCTION = "currentUserGroupsOrNone";

    private OwnWork() {
    }

    public static TaskQuery of(TaskQuery query) {
        return query.or()
                .taskCandidateGroupInExpression("${" + GROUPS_FUNCTION + "()}").includeAssignedTasks()
                .taskAssigneeExpression("${currentUser()}")
                .endOr();
    }

    /**
     * The person's groups, or one group id nobody has: Camunda refuses an empty candidate group list,
     * and a person without groups (made in Admin, say) must still see the tasks assigned to them.
     */
    public static List<String> currentUserGroupsOrNone() {
        List<String> groups = CommandContextFunctions.currentUserGroups();
        return groups == null || groups.isEmpty() ? List.of("") : groups;
    }
}
