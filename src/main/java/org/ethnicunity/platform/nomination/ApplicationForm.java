package org.ethnicunity.platform.nomination;

import java.math.BigDecimal;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.springframework.stereotype.Component;

/**
 * The application's content, on the start form and again when the unit resubmits: a summary of the
 * creation work and a self-score for every category of the campaign's indicator set.
 */
@Component
class ApplicationForm implements FormCheck {

    static final String SELF_SCORE = "selfScore_";
    private static final int SUMMARY_MAX = 20_000;

    private final IndicatorSetRepository indicatorSets;

    ApplicationForm(IndicatorSetRepository indicatorSets) {
        this.indicatorSets = indicatorSets;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("nomination-resubmission");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        long setId = ((Number) task.getVariable("indicatorSetId")).longValue();
        BigDecimal total = selfTotal(indicatorSet(setId), task::getVariable);
        if (blank(task.getVariable("resubmissionNote"))) {
            throw new RuleViolation("resubmissionNote", "请填写「补充说明」，说明按退回意见补充了哪些材料");
        }
        task.setVariable("selfTotal", total.doubleValue());
    }

    IndicatorSet indicatorSet(long id) {
        return indicatorSets.find(id).orElseThrow(() -> new IllegalStateException("Indicator set " + id + " missing"));
    }

    /** Checks summary and self-scores; returns the self-score total. */
    BigDecimal selfTotal(IndicatorSet set, Function<String, Object> variables) {
        Object summary = variables.apply("creationSummary");
        if (blank(summary)) {
            throw new RuleViolation("creationSummary", "请填写「创建工作情况」");
        }
        if (summary.toString().length() > SUMMARY_MAX) {
            throw new RuleViolation("creationSummary", "「创建工作情况」不能超过 " + SUMMARY_MAX + " 字");
        }
        return Scores.total(Scores.read(set, SELF_SCORE, variables));
    }

    static boolean blank(Object value) {
        return value == null || value.toString().isBlank();
    }
}
