package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADED_BY;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADE_CODE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADE_LABEL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_FAILED;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_SCORE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.VETO;

import java.math.BigDecimal;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.contract.AnnualGrade;
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
        AnnualGrade grade = AnnualGrade.fromDecision(GRADE_CODE.get(execution));
        IndicatorSet set = indicatorSets.require(INDICATOR_SET_ID.require(execution));
        var scores = Scores.read(set, REVIEW_SCORE, execution::getVariable);
        var vetoes = Scores.vetoes(set, VETO, execution::getVariable);
        BigDecimal total = Scores.total(scores);
        String reviewer = Actors.current();
        reviews.graded(execution.getProcessInstanceId(), scores, vetoes, total,
                AnnualReviewForms.percent(total, set.totalMax()), grade, reviewer,
                REVIEW_COMMENT.require(execution), clock.now());
        GRADE.set(execution, grade);
        GRADE_LABEL.set(execution, grade.label());
        GRADED_BY.set(execution, reviewer);
        REVIEW_FAILED.set(execution, grade.failing());
    }
}
