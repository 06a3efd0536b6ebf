package org.ethnicunity.platform.nomination;

import java.math.BigDecimal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.springframework.stereotype.Component;

/**
 * The application's content, on the start form (read by {@link RegisterApplication}) and again when
 * the unit resubmits (this check): a summary of the creation work and a self-score for every
 * category of the campaign's indicator set.
 */
@Component
class ApplicationForm implements FormCheck {

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
        BigDecimal total = selfTotal(indicatorSet(NominationContract.INDICATOR_SET_ID.require(task)), task);
        if (NominationContract.RESUBMISSION_NOTE.get(task) == null) {
            throw new RuleViolation(NominationContract.RESUBMISSION_NOTE.name(), "请填写「补充说明」，说明按退回意见补充了哪些材料");
        }
        NominationContract.SELF_TOTAL.set(task, total.doubleValue());
    }

    IndicatorSet indicatorSet(long id) {
        return indicatorSets.find(id).orElseThrow(() -> new IllegalStateException("Indicator set " + id + " missing"));
    }

    /**
     * Checks summary and self-scores; returns the self-score total. The scores are one field per
     * category of the set (the set is data), so they are read by the prefix, not by one variable each.
     */
    BigDecimal selfTotal(IndicatorSet set, VariableScope submitted) {
        NominationContract.CREATION_SUMMARY.require(submitted);
        return Scores.total(Scores.read(set, NominationContract.SELF_SCORE_PREFIX, submitted::getVariable));
    }
}
