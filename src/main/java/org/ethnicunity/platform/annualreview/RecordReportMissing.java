package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * The final deadline passed without a report (or a returned report was not sent again in time):
 * NOT_SUBMITTED, which counts as a failing year.
 */
@Component("recordReportMissing")
class RecordReportMissing implements JavaDelegate {

    private final AnnualReviews reviews;
    private final BusinessClock clock;

    RecordReportMissing(AnnualReviews reviews, BusinessClock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reviews.notSubmitted(execution.getProcessInstanceId(), clock.now());
        AnnualReviewContract.GRADE_LABEL.set(execution, "未提交（逾期未报送年度创建工作报告）");
        AnnualReviewContract.REVIEW_FAILED.set(execution, true);
    }
}
