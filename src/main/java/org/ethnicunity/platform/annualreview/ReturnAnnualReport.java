package org.ethnicunity.platform.annualreview;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * 退回补充: the reviewer wants more material. The review is OPEN again with the reason recorded, and
 * the unit's resubmission task (whose creation mails the unit the reason) follows.
 */
@Component("returnAnnualReport")
class ReturnAnnualReport implements JavaDelegate {

    private final AnnualReviews reviews;

    ReturnAnnualReport(AnnualReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = execution.getVariable("reviewComment").toString().trim();
        reviews.returned(execution.getProcessInstanceId(), reason);
        Object count = execution.getVariable("returnCount");
        execution.setVariable("returnCount", (count instanceof Number n ? n.intValue() : 0) + 1);
        execution.setVariable("returnReason", reason);
    }
}
