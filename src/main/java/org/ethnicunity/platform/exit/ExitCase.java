package org.ethnicunity.platform.exit;

import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;

/**
 * The designation an exit is about, with its unit and granting region: the commission of the
 * campaign that named it, or of the unit's region (a township unit's banner) for a title recorded without a
 * campaign (imported).
 */
record ExitCase(Designation designation, Unit unit, String grantingRegionCode) {

    static ExitCase of(RegistryService registry, long designationId) {
        Designation designation = registry.designation(designationId);
        Unit unit = registry.unit(designation.unitId());
        String granting = designation.campaignId() == null ? RegionCodes.commissionRegion(unit.regionCode())
                : registry.campaign(designation.campaignId()).regionCode();
        return new ExitCase(designation, unit, granting);
    }

    static ExitCase of(RegistryService registry, VariableScope execution) {
        return of(registry, ExitContract.DESIGNATION_ID.require(execution));
    }

    /** The commission one level up: 150525 → 150500 → 150000; null above the autonomous region. */
    static String parentRegion(String regionCode) {
        return RegionCodes.parent(regionCode);
    }
}
