package org.ethnicunity.platform.nomination;

import java.util.List;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The recommended list of a campaign (推荐名单), for the commission running it: each unit the lower
 * commissions recommended, with the lower title, the reasons, who approved, whether it has applied,
 * and the link to its dossier. See docs/recommendation.md.
 */
@RestController
@RequestMapping("/api/campaigns")
class RecommendationController {

    private static final List<String> READERS = List.of(Roles.COMMISSION, Roles.LEADING_GROUP, Roles.SUPERVISION);

    record Recommended(long recommendationId, long unitId, String unitName, String unitType, String regionCode,
                       long designationId, String lowerLevel, String documentNumber, String namedDate,
                       String fromRegionCode, String reasons, String recommendedBy, String approvedBy,
                       String recommendedAt, String applicationStatus, String dossierLink) {
    }

    private final Recommendations recommendations;
    private final RegistryService registry;
    private final DesignationRepository designations;
    private final ApiAccess access;

    RecommendationController(Recommendations recommendations, RegistryService registry, DesignationRepository designations,
                             ApiAccess access) {
        this.recommendations = recommendations;
        this.registry = registry;
        this.designations = designations;
        this.access = access;
    }

    @GetMapping("/{code}/recommendations")
    List<Recommended> recommended(@PathVariable String code) {
        Campaign campaign = registry.campaignByCode(code);
        if (!access.hasRoleFor(campaign.regionCode(), READERS)) {
            throw new NotFound("找不到评选批次「" + code + "」的推荐名单");
        }
        return recommendations.ofCampaign(campaign.id()).stream().map(r -> {
            Unit unit = registry.unit(r.unitId());
            Designation lower = registry.designation(r.designationId());
            String applied = designations.findByUnit(unit.id()).stream()
                    .filter(d -> campaign.id().equals(d.campaignId())).map(d -> d.status().label()).findFirst().orElse("未申报");
            return new Recommended(r.id(), unit.id(), unit.name(), unit.unitType().label(), unit.regionCode(), lower.id(),
                    lower.level().label(), lower.documentNumber(), String.valueOf(lower.namedDate()), r.fromRegionCode(),
                    r.reasons(), r.recommendedBy(), r.approvedBy(), r.recommendedAt().toString(), applied,
                    "/registry/designations/" + lower.id() + "/dossier.pdf");
        }).toList();
    }
}
