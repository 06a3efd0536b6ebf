package org.ethnicunity.platform.registry;

/**
 * Published (synchronously, inside the transaction that makes the change) when a designation stops
 * holding its title: revoked or expired. Work that only makes sense for a title holder, such as a
 * running annual review, listens and ends itself; the registry knows none of it.
 */
public record TitleEnded(long designationId, DesignationStatus status, String actor, String processInstanceId) {
}
