package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Tells the unit the outcome of its review, whatever it is: the grade or the missing report, and what follows. */
@Component("notifyAnnualResult")
class NotifyAnnualResult implements JavaDelegate {

    private final AnnualReviewMails mails;

    NotifyAnnualResult(AnnualReviewMails mails) {
        this.mails = mails;
    }

    @Override
    public void execute(DelegateExecution execution) {
        mails.result(execution);
    }
}
