package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.LATE_LABEL;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_LATE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_LINK;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_TEXT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.SUBMITTED_AT_LABEL;

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
        boolean late = now.toInstant().isAfter(serviceLevels.until(REPORT_DUE_DATE.require(execution)).toInstant());
        submissions.submitted(execution.getProcessInstanceId(), REPORT_TEXT.require(execution), REPORT_LINK.get(execution),
                Actors.current(), late, now);
        ReportSubmissions.Row row = submissions.ofInstance(execution.getProcessInstanceId()).orElseThrow();
        REPORT_LATE.set(execution, row.late());
        SUBMITTED_AT_LABEL.set(execution, ReportMails.format(now, clock));
        LATE_LABEL.set(execution, row.late() ? "逾期报送（截止 " + row.dueDate() + "）" : "按时报送");
    }
}
