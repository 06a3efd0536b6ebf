package org.ethnicunity.platform.nomination;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.nomination.RecommendationContract.RecommendationDecision;
import org.springframework.stereotype.Component;

/** The lower leading group's approval of a recommendation: approve, or decline with a reason. */
@Component
class RecommendationForm implements FormCheck {

    @Override
    public Set<String> formIds() {
        return Set.of("recommendation-approval");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        if (RecommendationContract.RECOMMENDATION_DECISION.require(task) == RecommendationDecision.DECLINE) {
            RecommendationContract.RECOMMENDATION_COMMENT.require(task);
        }
    }
}
