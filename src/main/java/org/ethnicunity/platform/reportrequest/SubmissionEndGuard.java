package org.ethnicunity.platform.reportrequest;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.InstanceEndGuard;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A report request that ends without an accepted report (an administrator deleted the instance in
 * Cockpit, the launch was cancelled) would stay "待报送" in the live view for good. A built-in end
 * listener (Cockpit's "skip custom listeners" does not skip it) marks its row ENDED in the ending
 * transaction.
 */
@Component
class SubmissionEndGuard extends InstanceEndGuard {

    private final ReportSubmissions submissions;
    private final BusinessClock clock;

    SubmissionEndGuard(@Lazy ReportSubmissions submissions, BusinessClock clock) {
        super(ReportRequestContract.PROCESS_KEY::equals);
        this.submissions = submissions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateExecution execution) {
        submissions.ended(execution.getProcessInstanceId(), clock.now());
    }
}
