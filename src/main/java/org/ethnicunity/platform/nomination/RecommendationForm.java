package org.ethnicunity.platform.nomination;

import static org.ethnicunity.platform.forms.SubmittedValues.options;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.forms.SubmittedValues;
import org.springframework.stereotype.Component;

/** The lower leading group's approval of a recommendation: approve, or decline with a reason. */
@Component
class RecommendationForm implements FormCheck {

    static final Map<String, String> DECISIONS = options("APPROVE", "同意推荐上报", "DECLINE", "不同意推荐");

    @Override
    public Set<String> formIds() {
        return Set.of("recommendation-approval");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        String decision = SubmittedValues.choice(task, "recommendationDecision", DECISIONS, "审定意见");
        if ("DECLINE".equals(decision)) {
            SubmittedValues.text(task, "recommendationComment", "审定意见说明");
        }
    }
}
