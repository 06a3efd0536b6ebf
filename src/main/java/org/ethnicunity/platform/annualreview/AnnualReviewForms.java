package org.ethnicunity.platform.annualreview;

import static org.ethnicunity.platform.forms.SubmittedValues.choice;
import static org.ethnicunity.platform.forms.SubmittedValues.options;
import static org.ethnicunity.platform.forms.SubmittedValues.text;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
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
    static final String SELF_SCORE = "selfScore_";
    static final String REVIEW_SCORE = "reviewScore_";
    static final String VETO = "veto_";
    static final String RETURN = "RETURN";
    private static final Map<String, String> DECISIONS = options("GRADE", "评定等级", RETURN, "退回补充材料");

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
        IndicatorSet set = indicatorSets.require(task.getVariable("indicatorSetId"));
        switch (formId) {
            case REPORT -> {
                text(task, "annualReport", "年度创建工作报告");
                task.setVariable("selfTotal", Scores.total(Scores.read(set, SELF_SCORE, task::getVariable)).doubleValue());
            }
            case GRADING -> grading(set, task);
            default -> throw new IllegalArgumentException(formId);
        }
    }

    private static void grading(IndicatorSet set, DelegateTask task) {
        String decision = choice(task, "gradingDecision", DECISIONS, "评审结论");
        text(task, "reviewComment", RETURN.equals(decision) ? "需补充的材料及理由" : "评审意见");
        if (RETURN.equals(decision)) {
            return;
        }
        BigDecimal total = Scores.total(Scores.read(set, REVIEW_SCORE, task::getVariable));
        List<String> vetoes = Scores.vetoes(set, VETO, task::getVariable);
        task.setVariable("reviewTotal", total.doubleValue());
        task.setVariable("scorePercent", percent(total, set.totalMax()).doubleValue());
        task.setVariable("vetoed", !vetoes.isEmpty());
        task.setVariable("vetoNames", set.vetoItems().stream().filter(v -> vetoes.contains(v.code()))
                .map(IndicatorSet.VetoItem::name).collect(Collectors.joining("、")));
    }

    static BigDecimal percent(BigDecimal total, BigDecimal max) {
        return total.multiply(BigDecimal.valueOf(100)).divide(max, 1, RoundingMode.HALF_UP);
    }
}
