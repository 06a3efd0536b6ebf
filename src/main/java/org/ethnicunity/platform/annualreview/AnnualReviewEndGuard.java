package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.InstanceEndGuard;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * An annual review deleted or cancelled (in Cockpit, or with its launch withdrawn) before it was
 * graded would leave its row OPEN or SUBMITTED for good; it is marked ENDED with why, in the deleting
 * transaction. A review that ran its course has already left those states, so nothing changes then.
 */
@Component
class AnnualReviewEndGuard extends InstanceEndGuard {

    private final AnnualReviews reviews;
    private final BusinessClock clock;

    AnnualReviewEndGuard(@Lazy AnnualReviews reviews, BusinessClock clock) {
        super(AnnualReviewContract.PROCESS_KEY::equals);
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        reviews.ended(execution.getProcessInstanceId(), "流程被终止（删除或取消），年度评估未完成", clock.now());
    }
}
