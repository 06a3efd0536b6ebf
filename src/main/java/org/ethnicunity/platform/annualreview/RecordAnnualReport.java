package org.ethnicunity.platform.annualreview;

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
        var scores = Scores.read(indicatorSets.require(execution.getVariable("indicatorSetId")),
                AnnualReviewForms.SELF_SCORE, execution::getVariable);
        reviews.submitted(execution.getProcessInstanceId(), execution.getVariable("annualReport").toString().trim(),
                scores, Scores.total(scores), clock.now());
        execution.removeVariable("gradingDecision");
        execution.removeVariable("reviewComment");
    }
}
