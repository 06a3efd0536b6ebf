package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.ethnicunity.platform.registry.DesignationStatus;
import org.springframework.stereotype.Component;

/**
 * The title ended (revoked or expired) while its review waited for the report or the grade: the
 * review is ENDED with the reason; the model's event sub-process ends the instance.
 */
@Component("endAnnualReview")
class EndAnnualReview implements JavaDelegate {

    private final AnnualReviews reviews;
    private final BusinessClock clock;

    EndAnnualReview(AnnualReviews reviews, BusinessClock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DesignationStatus status = DesignationStatus.valueOf(AnnualReviewContract.TITLE_ENDED_STATUS.require(execution));
        reviews.ended(execution.getProcessInstanceId(), "称号" + status.label() + "，年度评估结束", clock.now());
        AnnualReviewContract.REVIEW_STATUS.set(execution, AnnualReviewStatus.ENDED.name());
    }
}
