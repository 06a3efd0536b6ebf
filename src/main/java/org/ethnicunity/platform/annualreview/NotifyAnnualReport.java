package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Tells the unit its annual report is asked for, with the due date and a link to the task; for the
 * resubmission task, the reviewer's reasons for returning it instead.
 */
@Component("notifyAnnualReport")
class NotifyAnnualReport implements TaskListener {

    private final AnnualReviewMails mails;

    NotifyAnnualReport(AnnualReviewMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        if (AnnualReviewDeadlines.RESUBMISSION.equals(task.getTaskDefinitionKey())) {
            mails.returned(task, task.getId(), task.getDueDate());
        } else {
            mails.notice(task, task.getId());
        }
    }
}
