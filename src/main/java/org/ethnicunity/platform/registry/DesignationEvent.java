package org.ethnicunity.platform.registry;

import java.time.OffsetDateTime;

/**
 * One change of a designation's state: who, when, why, from which process instance, and the
 * document (文号) that decided it, where there is one.
 */
public record DesignationEvent(long id, long designationId, DesignationStatus fromStatus,
                               DesignationStatus toStatus, String actor, String reason,
                               String processInstanceId, OffsetDateTime occurredAt, String documentNumber) {
}
