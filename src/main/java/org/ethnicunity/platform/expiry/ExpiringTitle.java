package org.ethnicunity.platform.expiry;

import java.time.LocalDate;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;

/** A held title near or past its expiry date, with its unit and the region of the body that granted it. */
record ExpiringTitle(long designationId, DesignationStatus status, Level level, LocalDate namedDate,
                     String documentNumber, LocalDate expiryDate, String unitName, String contactName,
                     String contactEmail, String grantingRegionCode) {
}
