package org.ethnicunity.platform.nomination;

import java.util.List;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationRepository;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.ethnicunity.platform.web.NotFound;
import org.springframework.stereotype.Component;

/**
 * The recommended list of a campaign (推荐名单) as the caller may see it: all of it for the commission
 * running the campaign (commission, leading-group and supervision staff of its region or above,
 * administrators), only its own recommendations for a recommending commission, nothing for anyone
 * else (404, as if there were no such list). The API and the registry page read the same.
 */
@Component
class RecommendedList {

    private static final List<String> READERS = List.of(Roles.COMMISSION, Roles.LEADING_GROUP, Roles.SUPERVISION);
    private static final List<String> RECOMMENDERS = List.of(Roles.COMMISSION, Roles.LEADING_GROUP);

    /** One recommended unit with its lower title, the reasons, the lower approval and where its application stands. */
    record Recommended(long recommendationId, long unitId, String unitName, String unitType, String regionCode,
                       long designationId, String lowerLevel, String documentNumber, String namedDate,
                       String fromRegionCode, String reasons, String recommendedBy, String approvedBy,
                       String approvalComment, String approvedOn, String recommendedAt, String applicationStatus,
                       String dossierLink) {
    }

    /** The campaign and the part of its list the caller sees; {@code whole} false: only the caller's own recommendations. */
    record View(Campaign campaign, boolean whole, List<Recommended> items) {
    }

    private final Recommendations recommendations;
    private final RegistryService registry;
    private final DesignationRepository designations;
    private final ApiAccess access;
    private final BusinessClock clock;

    RecommendedList(Recommendations recommendations, RegistryService registry, DesignationRepository designations,
                    ApiAccess access, BusinessClock clock) {
        this.recommendations = recommendations;
        this.registry = registry;
        this.designations = designations;
        this.access = access;
        this.clock = clock;
    }

    View of(String campaignCode) {
        Campaign campaign = registry.campaignByCode(campaignCode);
        boolean whole = access.hasRoleFor(campaign.regionCode(), READERS);
        List<Recommendations.Recommendation> visible = recommendations.ofCampaign(campaign.id()).stream()
                .filter(r -> whole || access.hasRoleFor(r.fromRegionCode(), RECOMMENDERS)).toList();
        if (!whole && visible.isEmpty()) {
            throw new NotFound("找不到评选批次「" + campaignCode + "」的推荐名单");
        }
        return new View(campaign, whole, visible.stream().map(r -> row(campaign, r)).toList());
    }

    private Recommended row(Campaign campaign, Recommendations.Recommendation r) {
        Unit unit = registry.unit(r.unitId());
        Designation lower = registry.designation(r.designationId());
        String applied = designations.findByUnit(unit.id()).stream()
                .filter(d -> campaign.id().equals(d.campaignId())).map(d -> d.status().label()).findFirst().orElse("未申报");
        return new Recommended(r.id(), unit.id(), unit.name(), unit.unitType().label(), unit.regionCode(), lower.id(),
                lower.level().label(), lower.documentNumber(), String.valueOf(lower.namedDate()), r.fromRegionCode(),
                r.reasons(), r.recommendedBy(), r.approvedBy(), r.approvalComment(),
                r.recommendedAt().atZoneSameInstant(clock.zone()).toLocalDate().toString(), r.recommendedAt().toString(),
                applied, "/registry/designations/" + lower.id() + "/dossier.pdf");
    }
}
