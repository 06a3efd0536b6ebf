package org.ethnicunity.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.el.CommandContextFunctions;
import org.camunda.bpm.engine.query.Query;
import org.camunda.bpm.engine.task.TaskQuery;

/**
 * What the shared Tasklist filters need from the engine: a task query to store (not bound to a
 * running engine), a look at a stored query's criteria, and the expression function
 * {@code currentUserGroupsOrNone()} the filters' criteria call (registered by {@link TaskPermissions}).
 */
public final class TaskFilters {

    /** The expression function's name, as stored filters call it: {@code ${currentUserGroupsOrNone()}}. */
    public static final String GROUPS_FUNCTION = "currentUserGroupsOrNone";

    private TaskFilters() {
    }

    /** A query for a filter's criteria. */
    public static TaskQuery newQuery() {
        return new TaskQueryImpl();
    }

    /**
     * Whether a stored filter's query predates the wanted one's criteria: fewer {@code or()} parts and
     * no expressions at all (an administrator who changed the filter wrote some).
     */
    public static boolean lacksCriteriaOf(Query<?, ?> stored, TaskQuery wanted) {
        TaskQueryImpl existing = (TaskQueryImpl) stored;
        return existing.getQueries().size() < ((TaskQueryImpl) wanted).getQueries().size()
                && existing.getExpressions().isEmpty();
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
