package org.ethnicunity.platform.reportrequest;

import java.time.OffsetDateTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.deadlines.ServiceLevels;
import org.ethnicunity.platform.security.Actors;
import org.springframework.stereotype.Component;

/**
 * The member has submitted (its form was checked on completion): the row becomes SUBMITTED with the
 * report, and a first submission after the fixed due date is marked late, by the business clock.
 */
@Component("recordSubmission")
class RecordSubmission implements JavaDelegate {

    private final ReportSubmissions submissions;
    private final ServiceLevels serviceLevels;
    private final BusinessClock clock;

    RecordSubmission(ReportSubmissions submissions, ServiceLevels serviceLevels, BusinessClock clock) {
        this.submissions = submissions;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        OffsetDateTime now = clock.now();
        boolean late = now.toInstant().isAfter(serviceLevels.until(execution.getVariable("reportDueDate")).toInstant());
        Object link = execution.getVariable("reportLink");
        submissions.submitted(execution.getProcessInstanceId(), execution.getVariable("reportText").toString().trim(),
                link == null || link.toString().isBlank() ? null : link.toString().trim(), Actors.current(), late, now);
        ReportSubmissions.Row row = submissions.ofInstance(execution.getProcessInstanceId()).orElseThrow();
        execution.setVariable("reportLate", row.late());
        execution.setVariable("submittedAtLabel", ReportMails.format(now, clock));
        execution.setVariable("lateLabel", row.late() ? "逾期报送（截止 " + row.dueDate() + "）" : "按时报送");
    }
}
