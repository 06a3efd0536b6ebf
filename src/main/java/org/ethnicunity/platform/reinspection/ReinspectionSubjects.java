package org.ethnicunity.platform.reinspection;

import org.ethnicunity.platform.RegionCodes;
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
        // An imported title: the unit's own commission (a township unit's banner's) granted it; it is
        // checked against the current set.
        long setId = indicatorSets.latestFor(designation.level().name(), unit.unitType().name())
                .orElseThrow(() -> new org.ethnicunity.platform.engine.RuleViolation("indicatorSet", "没有适用于" + designation.level().label()
                        + "、" + unit.unitType().label() + "的测评指标体系，请先由管理员导入指标体系 / no indicator set for this level"));
        return new ReinspectionSubject(designation, unit, RegionCodes.commissionRegion(unit.regionCode()), setId);
    }
}
