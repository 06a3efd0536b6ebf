package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Tells the unit its application came back, with a link straight to the resubmission task. */
@Component("notifyApplicationReturned")
class NotifyApplicationReturned implements TaskListener {

    private final NominationMails mails;

    NotifyApplicationReturned(NominationMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        mails.returned(task.getExecution(), NominationContract.RETURNED_FROM.require(task),
                NominationContract.RETURN_REASON.get(task), task.getId());
    }
}
