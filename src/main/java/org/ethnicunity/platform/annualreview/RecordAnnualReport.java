package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.ANNUAL_REPORT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADING_DECISION;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.SELF_SCORE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.springframework.stereotype.Component;

/**
 * The unit's report (checked by {@link AnnualReviewForms}) goes into the registry: SUBMITTED, with
 * the text and self-scores, for the reviewer. A previous round's decision is cleared so that the
 * reviewer's form of a resubmitted report starts blank.
 */
@Component("recordAnnualReport")
class RecordAnnualReport implements JavaDelegate {

    private final AnnualReviews reviews;
    private final IndicatorSetRepository indicatorSets;
    private final BusinessClock clock;

    RecordAnnualReport(AnnualReviews reviews, IndicatorSetRepository indicatorSets, BusinessClock clock) {
        this.reviews = reviews;
        this.indicatorSets = indicatorSets;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        var scores = Scores.read(indicatorSets.require(INDICATOR_SET_ID.require(execution)), SELF_SCORE, execution::getVariable);
        reviews.submitted(execution.getProcessInstanceId(), ANNUAL_REPORT.require(execution), scores, Scores.total(scores),
                clock.now());
        execution.removeVariable(GRADING_DECISION.name());
        execution.removeVariable(REVIEW_COMMENT.name());
    }
}
