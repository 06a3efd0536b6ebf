package org.ethnicunity.platform.indicators;

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

    public static final String SITE_SCORE = "siteScore_";
    public static final String VETO = "veto_";

    private final IndicatorSetRepository indicatorSets;

    PrepareScoreSheet(IndicatorSetRepository indicatorSets) {
        this.indicatorSets = indicatorSets;
    }

    @Override
    public void notify(DelegateTask task) {
        IndicatorSet set = indicatorSets.require(task.getVariable("indicatorSetId"));
        set.categories().forEach(c -> task.setVariableLocal(SITE_SCORE + c.code(), null));
        set.vetoItems().forEach(v -> task.setVariableLocal(VETO + v.code(), false));
        task.setVariableLocal("assessmentComment", null);
    }
}
