package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.RETURN_COUNT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.RETURN_REASON;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_COMMENT;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 退回补充: the reviewer wants more material. The review is OPEN again with the reason recorded, and
 * the unit's resubmission task (whose creation mails the unit the reason) follows.
 */
@Component("returnAnnualReport")
class ReturnAnnualReport implements JavaDelegate {

    private final AnnualReviews reviews;

    ReturnAnnualReport(AnnualReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = REVIEW_COMMENT.require(execution);
        reviews.returned(execution.getProcessInstanceId(), reason);
        Integer count = RETURN_COUNT.get(execution);
        RETURN_COUNT.set(execution, (count == null ? 0 : count) + 1);
        RETURN_REASON.set(execution, reason);
    }
}
