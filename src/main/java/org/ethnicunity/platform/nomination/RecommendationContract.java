package org.ethnicunity.platform.nomination;

import java.util.List;
import org.ethnicunity.platform.contract.Option;
import org.ethnicunity.platform.contract.ProcessContract;
import org.ethnicunity.platform.contract.Variable;

/**
 * The variables of one recommendation upward ({@code bpmn/recommendation.bpmn}, 推荐上报): the start
 * form, the checked list of titles and the lower leading group's decision. The reasons reach the
 * unit's later application through the recommendation record, under the same variable.
 */
public final class RecommendationContract implements ProcessContract {

    /** The user who started it (camunda:initiator). */
    public static final Variable<String> RECOMMENDATION_STARTER = Variable.text("recommendationStarter", "发起人", 64);

    // --- start form recommendation-start ---
    public static final Variable<String> TARGET_CAMPAIGN_CODE = Variable.text("targetCampaignCode", "上级评选批次编号", 64);
    /** The designations recommended, as typed: numbers separated by commas (or 、, spaces). */
    public static final Variable<String> DESIGNATION_IDS = Variable.text("designationIds", "推荐的命名记录编号", 4000);
    public static final Variable<String> RECOMMENDATION_REASONS = Variable.text("recommendationReasons", "推荐理由");

    // --- set when the recommendation is opened ---
    public static final Variable<String> RECOMMENDER = Variable.text("recommender", "推荐人（民委）", 64);
    /** The region of the commission that granted the titles and recommends them; its leading group decides. */
    public static final Variable<String> FROM_REGION_CODE = Variable.text("fromRegionCode", "推荐民委所在地区", 12);
    public static final Variable<Long> TARGET_CAMPAIGN_ID = Variable.id("targetCampaignId", "上级评选批次编号");
    public static final Variable<String> TARGET_CAMPAIGN_NAME = Variable.text("targetCampaignName", "上级评选批次", 200);
    /** The checked designation ids, comma-separated. */
    public static final Variable<String> RECOMMENDED_IDS = Variable.text("recommendedIds", "推荐的命名记录");
    public static final Variable<Integer> RECOMMENDED_COUNT = Variable.integer("recommendedCount", "推荐单位数");
    public static final Variable<String> RECOMMENDED_LIST = Variable.text("recommendedList", "推荐名单", 4000);

    // --- the lower leading group's decision (form recommendation-approval) ---
    public static final Variable<RecommendationDecision> RECOMMENDATION_DECISION =
            Variable.choice("recommendationDecision", "审定意见", RecommendationDecision.class);
    public static final Variable<String> RECOMMENDATION_COMMENT = Variable.text("recommendationComment", "审定意见说明");
    public static final Variable<Outcome> OUTCOME = Variable.choice("outcome", "推荐结果", Outcome.class);

    @Override
    public List<String> processKeys() {
        return List.of("recommendation");
    }

    /** 审定意见 (form recommendation-approval). */
    public enum RecommendationDecision implements Option {
        APPROVE("同意推荐上报"), DECLINE("不同意推荐");

        private final String label;

        RecommendationDecision(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** How an approved recommendation ended. */
    public enum Outcome implements Option {
        RECOMMENDED("已推荐");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
