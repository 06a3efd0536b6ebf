package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.RETURNED_REASON;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVIEW_COMMENT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVIEW_DECISION;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVISION_REQUESTED;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * 退回修改: the row becomes RETURNED with the reason; the submit task follows again with the
 * revision's due date ({@link ReportTasks#submitDue}), and its creation mails the member the reason.
 * The decision is cleared, so that the next review starts blank instead of prefilled with "return".
 */
@Component("returnReport")
class ReturnReport implements JavaDelegate {

    private final ReportSubmissions submissions;
    private final ReportTasks tasks;
    private final BusinessClock clock;

    ReturnReport(ReportSubmissions submissions, ReportTasks tasks, BusinessClock clock) {
        this.submissions = submissions;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String reason = REVIEW_COMMENT.require(execution);
        var revisionDue = tasks.submitDue(REPORT_DUE_DATE.require(execution), true).toInstant()
                .atZone(clock.zone()).toOffsetDateTime();
        submissions.returned(execution.getProcessInstanceId(), reason, revisionDue, Actors.current(), clock.now());
        RETURNED_REASON.set(execution, reason);
        REVISION_REQUESTED.set(execution, true);
        execution.removeVariable(REVIEW_DECISION.name());
        execution.removeVariable(REVIEW_COMMENT.name());
    }
}
