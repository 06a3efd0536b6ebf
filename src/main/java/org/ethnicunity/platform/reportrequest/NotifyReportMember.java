package org.ethnicunity.platform.reportrequest;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** When the member's submit task is created: the request notice, or after a return the reason and the new due date. */
@Component("notifyReportMember")
class NotifyReportMember implements TaskListener {

    private final ReportMails mails;

    NotifyReportMember(ReportMails mails) {
        this.mails = mails;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Boolean.TRUE.equals(ReportRequestContract.REVISION_REQUESTED.get(task))) {
            mails.returned(task);
        } else {
            mails.requested(task);
        }
    }
}
