package org.ethnicunity.platform.reinspection;

import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.Unit;

/**
 * The designation a re-inspection checks, its unit, and the granting level: the region of the
 * campaign that named it, or the unit's region for a title imported without a campaign.
 */
record ReinspectionSubject(Designation designation, Unit unit, String grantingRegionCode, long indicatorSetId) {
}
