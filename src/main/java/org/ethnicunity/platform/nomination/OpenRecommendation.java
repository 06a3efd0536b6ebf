package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.nomination.RecommendationContract.DESIGNATION_IDS;
import static org.ethnicunity.platform.nomination.RecommendationContract.FROM_REGION_CODE;
import static org.ethnicunity.platform.nomination.RecommendationContract.RECOMMENDATION_REASONS;
import static org.ethnicunity.platform.nomination.RecommendationContract.RECOMMENDED_COUNT;
import static org.ethnicunity.platform.nomination.RecommendationContract.RECOMMENDED_IDS;
import static org.ethnicunity.platform.nomination.RecommendationContract.RECOMMENDED_LIST;
import static org.ethnicunity.platform.nomination.RecommendationContract.RECOMMENDER;
import static org.ethnicunity.platform.nomination.RecommendationContract.TARGET_CAMPAIGN_CODE;
import static org.ethnicunity.platform.nomination.RecommendationContract.TARGET_CAMPAIGN_ID;
import static org.ethnicunity.platform.nomination.RecommendationContract.TARGET_CAMPAIGN_NAME;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.registry.Campaign;
import org.ethnicunity.platform.registry.Designation;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.ethnicunity.platform.registry.Level;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.registry.Unit;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * First step of a recommendation upward (推荐上报): the upper campaign (the next level, still taking
 * applications), the titles recommended (held, of the level just below, granted by one commission,
 * in the campaign's region, not yet recommended to it) and the starter (that commission or one
 * above). Runs in the starting transaction: a refusal leaves nothing behind.
 */
@Component("openRecommendation")
class OpenRecommendation implements JavaDelegate {

    private static final int MAX_UNITS = 500;

    private final RegistryService registry;
    private final Recommendations recommendations;
    private final BusinessClock clock;

    OpenRecommendation(RegistryService registry, Recommendations recommendations, BusinessClock clock) {
        this.registry = registry;
        this.recommendations = recommendations;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String code = TARGET_CAMPAIGN_CODE.get(execution);
        if (code == null) {
            throw new RuleViolation(TARGET_CAMPAIGN_CODE.name(), "请填写「上级评选批次编号」，例如 2026-CITY-150500");
        }
        Campaign target = registry.campaignByCode(code);
        if (target.applicationEnd().isBefore(clock.today())) {
            throw new RuleViolation(TARGET_CAMPAIGN_CODE.name(), "评选批次「" + target.name() + "」的申报已于 " + target.applicationEnd() + " 截止，不再接受推荐");
        }
        Level below = target.level().below();
        if (below == null) {
            throw new RuleViolation(TARGET_CAMPAIGN_CODE.name(), "「" + target.name() + "」是旗县级评选，没有可推荐的下一级称号");
        }
        String reasons = RECOMMENDATION_REASONS.get(execution);
        if (reasons == null) {
            throw new RuleViolation(RECOMMENDATION_REASONS.name(), "请填写「推荐理由」（不超过 " + Variable.TEXT_MAX + " 字）");
        }
        List<String> lines = new ArrayList<>();
        String fromRegion = null;
        List<Long> ids = ids(DESIGNATION_IDS.get(execution));
        for (long id : ids) {
            Designation title = registry.designation(id);
            Unit unit = registry.unit(title.unitId());
            String granting = title.campaignId() != null ? registry.campaign(title.campaignId()).regionCode()
                    : grantingRegion(title, unit);
            if (fromRegion == null) {
                fromRegion = granting;
                CommissionStarter.require(execution, granting, "推荐上报");
            } else if (!fromRegion.equals(granting)) {
                throw new RuleViolation(DESIGNATION_IDS.name(), "一次推荐只能推荐同一民委命名的称号：「" + unit.name() + "」的称号由 " + granting
                        + " 命名，其他称号由 " + fromRegion + " 命名");
            }
            if (title.level() != below || title.status() != DesignationStatus.NAMED) {
                throw new RuleViolation(DESIGNATION_IDS.name(), "「" + unit.name() + "」的命名记录 " + id + " 不是有效的" + below.label()
                        + "称号（" + title.level().label() + "，" + title.status().label() + "），不能推荐参加" + target.level().label() + "评选");
            }
            if (!RegionCodes.covers(target.regionCode(), unit.regionCode())) {
                throw new RuleViolation(DESIGNATION_IDS.name(), "「" + unit.name() + "」不在评选批次「" + target.name() + "」的行政区域内");
            }
            if (recommendations.find(target.id(), unit.id()).isPresent()) {
                throw new RuleViolation(DESIGNATION_IDS.name(), "「" + unit.name() + "」已被推荐参加「" + target.name() + "」，不能重复推荐");
            }
            lines.add((lines.size() + 1) + ". " + unit.name() + "（" + unit.unitType().label() + "，" + unit.regionCode() + "）"
                    + below.label() + "，" + title.documentNumber() + "，" + title.namedDate() + " 命名，记录编号 " + id);
        }
        execution.setProcessBusinessKey("recommendation/" + target.code() + "/" + fromRegion);
        RECOMMENDER.set(execution, Actors.current());
        FROM_REGION_CODE.set(execution, fromRegion);
        TARGET_CAMPAIGN_ID.set(execution, target.id());
        TARGET_CAMPAIGN_CODE.set(execution, target.code());
        TARGET_CAMPAIGN_NAME.set(execution, target.name());
        RECOMMENDATION_REASONS.set(execution, reasons);
        RECOMMENDED_IDS.set(execution, String.join(",", ids.stream().map(String::valueOf).toList()));
        RECOMMENDED_COUNT.set(execution, ids.size());
        RECOMMENDED_LIST.set(execution, PrepareNamingList.fit(lines, ids.size()));
    }

    /** The commission that granted a title recorded without a campaign: the unit's region at that level. */
    static String grantingRegion(Designation title, Unit unit) {
        return switch (title.level()) {
            case BANNER -> RegionCodes.commissionRegion(unit.regionCode());
            case CITY -> RegionCodes.parent(RegionCodes.commissionRegion(unit.regionCode()));
            default -> unit.regionCode().substring(0, 2) + "0000";
        };
    }

    private static List<Long> ids(String value) {
        if (value == null) {
            throw new RuleViolation(DESIGNATION_IDS.name(), "请填写「推荐的命名记录编号」，多个用逗号分隔，例如 12, 15");
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (String part : value.split("[,，、\\s]+")) {
            if (part.isBlank()) {
                continue;
            }
            if (!part.matches("\\d{1,18}")) {
                throw new RuleViolation(DESIGNATION_IDS.name(), "「推荐的命名记录编号」应为数字，多个用逗号分隔，收到「" + part + "」");
            }
            ids.add(Long.parseLong(part));
        }
        if (ids.isEmpty() || ids.size() > MAX_UNITS) {
            throw new RuleViolation(DESIGNATION_IDS.name(), "一次推荐 1 至 " + MAX_UNITS + " 个单位");
        }
        return List.copyOf(ids);
    }
}
