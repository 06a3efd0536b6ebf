package org.ethnicunity.platform.reinspection;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tells the unit what to rectify and by when, with a link to its rectification-report task. */
@Component("notifyRectification")
class NotifyRectification implements TaskListener {

    private final ReinspectionMails mails;

    NotifyRectification(ReinspectionMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        mails.rectification(task, task.getId());
    }
}
