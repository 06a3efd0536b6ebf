package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.annualreview.AnnualReviewContract.ANNUAL_REPORT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.GRADING_DECISION;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_SCORE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.REVIEW_TOTAL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.SCORE_PERCENT;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.SELF_SCORE;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.SELF_TOTAL;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.VETO;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.VETOED;
import static org.ethnicunity.platform.annualreview.AnnualReviewContract.VETO_NAMES;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the annual review's forms. The unit's report: the text and a self-score for
 * every category of the title's indicator set. The reviewer's sheet: grade it (a score for every
 * category, veto items) or return it for more material, with the reasons either way; the total as a
 * percentage of the set's maximum and the veto are what the decision table grades.
 */
@Component
class AnnualReviewForms implements FormCheck {

    static final String REPORT = "annual-review-report";
    static final String GRADING = "annual-review-grading";

    private final IndicatorSetRepository indicatorSets;

    AnnualReviewForms(IndicatorSetRepository indicatorSets) {
        this.indicatorSets = indicatorSets;
    }

    @Override
    public Set<String> formIds() {
        return Set.of(REPORT, GRADING);
    }

    @Override
    public void check(String formId, DelegateTask task) {
        IndicatorSet set = indicatorSets.require(INDICATOR_SET_ID.get(task));
        switch (formId) {
            case REPORT -> {
                ANNUAL_REPORT.require(task);
                SELF_TOTAL.set(task, Scores.total(Scores.read(set, SELF_SCORE, task::getVariable)).doubleValue());
            }
            case GRADING -> grading(set, task);
            default -> throw new IllegalArgumentException(formId);
        }
    }

    private static void grading(IndicatorSet set, DelegateTask task) {
        boolean returned = GRADING_DECISION.require(task) == GradingDecision.RETURN;
        if (REVIEW_COMMENT.get(task) == null) {
            throw new RuleViolation(REVIEW_COMMENT.name(), "请填写「" + (returned ? "需补充的材料及理由" : REVIEW_COMMENT.label()) + "」");
        }
        if (returned) {
            return;
        }
        BigDecimal total = Scores.total(Scores.read(set, REVIEW_SCORE, task::getVariable));
        List<String> vetoes = Scores.vetoes(set, VETO, task::getVariable);
        REVIEW_TOTAL.set(task, total.doubleValue());
        SCORE_PERCENT.set(task, percent(total, set.totalMax()).doubleValue());
        VETOED.set(task, !vetoes.isEmpty());
        VETO_NAMES.set(task, set.vetoItems().stream().filter(v -> vetoes.contains(v.code()))
                .map(IndicatorSet.VetoItem::name).collect(Collectors.joining("、")));
    }

    static BigDecimal percent(BigDecimal total, BigDecimal max) {
        return total.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    }
}
