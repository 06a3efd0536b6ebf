package org.ethnicunity.platform.annualreview;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * Records the grade the decision table gave ({@code gradeCode}) with the reviewer's scores, veto
 * items and comment: GRADED, by the reviewer who completed the sheet. {@code reviewFailed} leads
 * the model to the follow-up of a failing year.
 */
@Component("recordAnnualGrade")
class RecordAnnualGrade implements JavaDelegate {

    private final AnnualReviews reviews;
    private final IndicatorSetRepository indicatorSets;
    private final BusinessClock clock;

    RecordAnnualGrade(AnnualReviews reviews, IndicatorSetRepository indicatorSets, BusinessClock clock) {
        this.reviews = reviews;
        this.indicatorSets = indicatorSets;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AnnualGrade grade = AnnualGrade.fromDecision(execution.getVariable("gradeCode"));
        IndicatorSet set = indicatorSets.require(execution.getVariable("indicatorSetId"));
        var scores = Scores.read(set, AnnualReviewForms.REVIEW_SCORE, execution::getVariable);
        var vetoes = Scores.vetoes(set, AnnualReviewForms.VETO, execution::getVariable);
        BigDecimal total = Scores.total(scores);
        String reviewer = Actors.current();
        reviews.graded(execution.getProcessInstanceId(), scores, vetoes, total,
                AnnualReviewForms.percent(total, set.totalMax()), grade, reviewer,
                execution.getVariable("reviewComment").toString().trim(), clock.now());
        execution.setVariable("grade", grade.name());
        execution.setVariable("gradeLabel", grade.label());
        execution.setVariable("gradedBy", reviewer);
        execution.setVariable("reviewFailed", grade.failing());
    }
}
