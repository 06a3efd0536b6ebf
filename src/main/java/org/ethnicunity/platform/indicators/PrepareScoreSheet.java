package org.ethnicunity.platform.indicators;

import org.ethnicunity.platform.contract.Subject;
import org.ethnicunity.platform.contract.SiteAssessment;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Gives each assessor's task its own blank score sheet (task-local variables), so that the scores of
 * assessors working in parallel do not overwrite each other in the process instance. Shared by every
 * model with an on-site assessment (nomination, re-inspection): the instance names its indicator set
 * in {@code indicatorSetId}.
 */
@Component("prepareScoreSheet")
public class PrepareScoreSheet implements TaskListener {

    private final IndicatorSetRepository indicatorSets;

    PrepareScoreSheet(IndicatorSetRepository indicatorSets) {
        this.indicatorSets = indicatorSets;
    }

    @Override
    public void notify(DelegateTask task) {
        IndicatorSet set = indicatorSets.require(Subject.INDICATOR_SET_ID.require(task));
        set.categories().forEach(c -> task.setVariableLocal(SiteAssessment.SITE_SCORE_PREFIX + c.code(), null));
        set.vetoItems().forEach(v -> task.setVariableLocal(SiteAssessment.VETO_PREFIX + v.code(), false));
        SiteAssessment.ASSESSMENT_COMMENT.setLocal(task, null);
    }
}
