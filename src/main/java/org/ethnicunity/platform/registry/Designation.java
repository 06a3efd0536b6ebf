package org.ethnicunity.platform.registry;

import java.time.LocalDate;

/** 命名: a title of one level held (or applied for) by one unit. */
public record Designation(Long id, long unitId, Level level, Long campaignId, DesignationStatus status,
                          String processInstanceId, LocalDate namedDate, String documentNumber,
                          String batch, LocalDate expiryDate, boolean recommended, LocalDate revokedDate) {
}
