package org.ethnicunity.platform.reportrequest;

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
        String reason = execution.getVariable("reviewComment").toString().trim();
        var revisionDue = tasks.submitDue(execution.getVariable("reportDueDate"), true).toInstant().atZone(clock.zone())
                .toOffsetDateTime();
        submissions.returned(execution.getProcessInstanceId(), reason, revisionDue, Actors.current(), clock.now());
        execution.setVariable("returnedReason", reason);
        execution.setVariable("revisionRequested", true);
        execution.removeVariable("reviewDecision");
        execution.removeVariable("reviewComment");
    }
}
