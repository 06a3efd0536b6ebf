package org.ethnicunity.platform.engine;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reminder sweep's reads of the engine's task tables, in SQL where Camunda's API is too slow for
 * tens of thousands of tasks: the open tasks due before a moment, a page at a time by id, and the
 * candidate links of a page in one query. ACT_RU_TASK and ACT_RU_IDENTITYLINK are the engine's
 * documented tables.
 */
@Component
public class DueTaskPages {

    private final JdbcClient jdbc;

    DueTaskPages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The ids of the next {@code limit} active tasks due before {@code dueBefore}, after the last one
     * read (by id; "" for the first page). Camunda's task query pages by OFFSET, and every page sorted
     * all due tasks again: 41 ms a page, 2 s a sweep over 50,000 (docs/benchmarks.md).
     */
    public List<String> next(Date dueBefore, String after, int limit) {
        return jdbc.sql("""
                SELECT ID_ FROM ACT_RU_TASK WHERE SUSPENSION_STATE_ = 1 AND DUE_DATE_ < ? AND ID_ > ?
                ORDER BY ID_ LIMIT ?""")
                .params(new Timestamp(dueBefore.getTime()), after, limit).query(String.class).list();
    }

    /**
     * The candidate links of these tasks in one query, by task id. Camunda's API reads them task by
     * task, which made a sweep over 2,000 tasks take 30 s.
     */
    public Map<String, List<IdentityLink>> candidateLinks(Collection<String> taskIds) {
        Map<String, List<IdentityLink>> links = new HashMap<>();
        if (taskIds.isEmpty()) {
            return links;
        }
        jdbc.sql("SELECT TASK_ID_, USER_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND TASK_ID_ IN (:ids)")
                .param("ids", List.copyOf(taskIds))
                .query((rs, n) -> new CandidateLink(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(link -> links.computeIfAbsent(link.getTaskId(), id -> new ArrayList<>()).add(link));
        return links;
    }

    /** A task's candidate user or group, as read in bulk. */
    record CandidateLink(String taskId, String userId, String groupId) implements IdentityLink {

        @Override public String getId() { return null; }
        @Override public String getType() { return IdentityLinkType.CANDIDATE; }
        @Override public String getUserId() { return userId; }
        @Override public String getGroupId() { return groupId; }
        @Override public String getTaskId() { return taskId; }
        @Override public String getProcessDefId() { return null; }
        @Override public String getTenantId() { return null; }
    }
}
