package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.ethnicunity.platform.indicators.IndicatorSet;
import org.springframework.stereotype.Component;

/**
 * Gives each assessor's task its own blank score sheet (task-local variables), so that the scores of
 * assessors working in parallel do not overwrite each other in the process instance.
 */
@Component("prepareScoreSheet")
class PrepareScoreSheet implements TaskListener {

    static final String SITE_SCORE = "siteScore_";
    static final String VETO = "veto_";

    private final ApplicationForm form;

    PrepareScoreSheet(ApplicationForm form) {
        this.form = form;
    }

    @Override
    public void notify(DelegateTask task) {
        IndicatorSet set = form.indicatorSet(((Number) task.getVariable("indicatorSetId")).longValue());
        set.categories().forEach(c -> task.setVariableLocal(SITE_SCORE + c.code(), null));
        set.vetoItems().forEach(v -> task.setVariableLocal(VETO + v.code(), false));
        task.setVariableLocal("assessmentComment", null);
    }
}
