package org.ethnicunity.platform.deadlines;

import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** A task's candidate user or group, as read in bulk by the reminder sweep. */
record CandidateLink(String taskId, String userId, String groupId) implements IdentityLink {

    @Override public String getId() { return null; }
    @Override public String getType() { return IdentityLinkType.CANDIDATE; }
    @Override public String getUserId() { return userId; }
    @Override public String getGroupId() { return groupId; }
    @Override public String getTaskId() { return taskId; }
    @Override public String getProcessDefId() { return null; }
    @Override public String getTenantId() { return null; }
}
