package org.ethnicunity.platform.reportrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/** The requesting commission accepts the report: the row is ACCEPTED with who and when; the instance ends. */
@Component("acceptReport")
class AcceptReport implements JavaDelegate {

    private final ReportSubmissions submissions;
    private final BusinessClock clock;

    AcceptReport(ReportSubmissions submissions, BusinessClock clock) {
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        submissions.accepted(execution.getProcessInstanceId(), ReportRequestContract.REVIEW_COMMENT.get(execution),
                Actors.current(), clock.now());
    }
}
