package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.DESIGNATION_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.LAUNCH_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.LEVEL_LABEL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_OPENED;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_STATUS;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_YEAR;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.UNIT_NAME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.AnnualReviewStatus;
import org.springframework.stereotype.Component;

/**
 * First step of an annual review: only the platform starts one (a launch, one instance per title
 * selected; nobody signed in), and the review is recorded OPEN for its designation and year. A title
 * that no longer holds (revoked or expired since the selection) is recorded ENDED, and a designation
 * already reviewed that year gets no second row: both end the instance through the model's first
 * gateway ({@code reviewOpened = false}) rather than failing the launch's batch.
 */
@Component("openAnnualReview")
class OpenAnnualReview implements JavaDelegate {

    private final AnnualReviews reviews;
    private final BusinessClock clock;

    OpenAnnualReview(AnnualReviews reviews, BusinessClock clock) {
        this.reviews = reviews;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        if (caller != null && caller.getUserId() != null) {
            throw new RuleViolation("annualReview.starter", "年度评估只能通过批量发起启动（由民委在「批量发起」中选择年度评估），不能单独发起");
        }
        if (INDICATOR_SET_ID.get(execution) == null) {
            // The selection found no indicator set for the title's level: an administrator must add one first.
            throw new RuleViolation(INDICATOR_SET_ID.name(), "「" + UNIT_NAME.get(execution) + "」的" + LEVEL_LABEL.get(execution)
                    + "称号没有适用的测评指标体系，请先由管理员导入指标体系 / no indicator set for this level");
        }
        var opened = reviews.open(DESIGNATION_ID.require(execution), REVIEW_YEAR.require(execution),
                LAUNCH_ID.get(execution), execution.getProcessInstanceId(), clock.now());
        REVIEW_OPENED.set(execution, opened.orElse(null) == AnnualReviewStatus.OPEN);
        REVIEW_STATUS.set(execution, opened.map(Enum::name).orElse("ALREADY_REVIEWED"));
    }
}
