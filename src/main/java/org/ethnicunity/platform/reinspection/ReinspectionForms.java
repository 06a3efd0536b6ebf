package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.forms.SubmittedValues.choice;
import static org.ethnicunity.platform.forms.SubmittedValues.options;
import static org.ethnicunity.platform.forms.SubmittedValues.text;

import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.ethnicunity.platform.forms.FormCheck;
import org.ethnicunity.platform.indicators.IndicatorSetRepository;
import org.ethnicunity.platform.indicators.Scores;
import org.springframework.stereotype.Component;

/**
 * Server-side checks of the re-inspection's forms (the on-site score sheet is checked by the shared
 * {@code recordSiteAssessment}): the self-inspection report with a self-score for every category of
 * the designation's indicator set, the rectification report, and the second check's decision with
 * its reasons, which the unit is sent.
 */
@Component
class ReinspectionForms implements FormCheck {

    static final String SELF_SCORE = "selfScore_";
    private static final Map<String, String> SECOND_CHECK = options("PASS", "复查合格", "FAIL", "复查不合格");

    private final IndicatorSetRepository indicatorSets;

    ReinspectionForms(IndicatorSetRepository indicatorSets) {
        this.indicatorSets = indicatorSets;
    }

    @Override
    public Set<String> formIds() {
        return Set.of("reinspection-self-inspection", "reinspection-rectification-report", "reinspection-second-check");
    }

    @Override
    public void check(String formId, DelegateTask task) {
        switch (formId) {
            case "reinspection-self-inspection" -> {
                text(task, "selfInspectionReport", "自查报告");
                var scores = Scores.read(indicatorSets.require(task.getVariable("indicatorSetId")), SELF_SCORE, task::getVariable);
                task.setVariable("selfTotal", Scores.total(scores).doubleValue());
            }
            case "reinspection-rectification-report" -> text(task, "rectificationReport", "整改报告");
            case "reinspection-second-check" -> {
                choice(task, "secondCheckDecision", SECOND_CHECK, "复查结论");
                text(task, "secondCheckComment", "复查意见");
            }
            default -> throw new IllegalArgumentException(formId);
        }
    }
}
