package org.ethnicunity.platform.reinspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tells the unit a re-inspection has started, with a link to its self-inspection task. */
@Component("notifyReinspection")
class NotifyReinspection implements TaskListener {

    private final ReinspectionMails mails;

    NotifyReinspection(ReinspectionMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        mails.notice(task, task.getId());
    }
}
