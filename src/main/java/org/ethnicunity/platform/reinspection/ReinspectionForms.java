package org.ethnicunity.platform.reinspection;

import static org.ethnicunity.platform.reinspection.ReinspectionContract.INDICATOR_SET_ID;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.RECTIFICATION_REPORT;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SECOND_CHECK_COMMENT;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SECOND_CHECK_DECISION;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SELF_INSPECTION_REPORT;
import static org.ethnicunity.platform.reinspection.ReinspectionContract.SELF_TOTAL;

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
                SELF_INSPECTION_REPORT.require(task);
                // The score fields are the indicator set's categories: read by prefix, as the set names them.
                var scores = Scores.read(indicatorSets.require(INDICATOR_SET_ID.require(task)), SELF_SCORE, task::getVariable);
                SELF_TOTAL.set(task, Scores.total(scores).doubleValue());
            }
            case "reinspection-rectification-report" -> RECTIFICATION_REPORT.require(task);
            case "reinspection-second-check" -> {
                SECOND_CHECK_DECISION.require(task);
                SECOND_CHECK_COMMENT.require(task);
            }
            default -> throw new IllegalArgumentException(formId);
        }
    }
}
