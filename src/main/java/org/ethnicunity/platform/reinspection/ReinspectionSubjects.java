package org.ethnicunity.platform.reinspection;

import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.springframework.stereotype.Component;

/** Finds what a re-inspection of a designation needs from the registry. */
@Component
class ReinspectionSubjects {

    private final RegistryService registry;
    private final IndicatorSetRepository indicatorSets;

    ReinspectionSubjects(RegistryService registry, IndicatorSetRepository indicatorSets) {
        this.registry = registry;
        this.indicatorSets = indicatorSets;
    }

    ReinspectionSubject of(long designationId) {
        Designation designation = registry.designation(designationId);
        Unit unit = registry.unit(designation.unitId());
        if (designation.campaignId() != null) {
            Campaign campaign = registry.campaign(designation.campaignId());
            return new ReinspectionSubject(designation, unit, campaign.regionCode(), campaign.indicatorSetId());
        }
        // An imported title: the unit's own commission granted it; it is checked against the current set.
        long setId = indicatorSets.latestFor(designation.level().name(), unit.unitType().name())
                .orElseThrow(() -> new IllegalStateException("No indicator set for level " + designation.level()));
        return new ReinspectionSubject(designation, unit, unit.regionCode(), setId);
    }
}
