package org.ethnicunity.platform.registry;

import java.time.OffsetDateTime;

/** One change of a designation's state: who, when, why and from which process instance. */
public record DesignationEvent(long id, long designationId, DesignationStatus fromStatus,
                               DesignationStatus toStatus, String actor, String reason,
                               String processInstanceId, OffsetDateTime occurredAt) {
}
