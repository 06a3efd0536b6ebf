package org.ethnicunity.platform.reportrequest;

import static org.ethnicunity.platform.reportrequest.ReportRequestContract.ALREADY_REQUESTED;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.CANDIDATE_GROUP;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.LAUNCH_ID;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.LAUNCH_TITLE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_KEY;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_NAME;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.MEMBER_TYPE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REGION_CODE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_DUE_DATE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REPORT_PAGE_URL;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REQUESTER_REGION_CODE;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.REVISION_REQUESTED;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.UNIT_CONTACT;
import static org.ethnicunity.platform.reportrequest.ReportRequestContract.UNIT_NAME;

import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Variable;
import org.ethnicunity.platform.deadlines.ServiceLevels;
import org.ethnicunity.platform.mail.MailSettings;
import org.springframework.stereotype.Component;

/**
 * First step of a member's report request: only the platform (the launcher, with nobody logged in)
 * starts one; it records the member's row, in the starting transaction. A member the launch already
 * asked (a second start of the same member) gets no second task: the instance ends
 * ({@code alreadyRequested}) without throwing, so a batch of starts is not rolled back for it.
 */
@Component("openReportRequest")
class OpenReportRequest implements JavaDelegate {

    private final ReportSubmissions submissions;
    private final ServiceLevels serviceLevels;
    private final BusinessClock clock;
    private final MailSettings mail;

    OpenReportRequest(ReportSubmissions submissions, ServiceLevels serviceLevels, BusinessClock clock, MailSettings mail) {
        this.submissions = submissions;
        this.serviceLevels = serviceLevels;
        this.clock = clock;
        this.mail = mail;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        if (caller != null && caller.getUserId() != null) {
            throw new RuleViolation("starter", "工作报送只能通过批量发起启动");
        }
        long launchId = required(execution, LAUNCH_ID);
        boolean unit = required(execution, MEMBER_TYPE) == MemberType.UNIT;
        String memberName = required(execution, MEMBER_NAME);
        LocalDate dueDate = required(execution, REPORT_DUE_DATE);

        boolean inserted = submissions.insert(new ReportSubmissions.Request(launchId, required(execution, MEMBER_KEY),
                (unit ? MemberType.UNIT : MemberType.COMMISSION).name(), memberName, required(execution, REGION_CODE),
                required(execution, REQUESTER_REGION_CODE), required(execution, LAUNCH_TITLE), execution.getProcessInstanceId(),
                dueDate, serviceLevels.until(dueDate).toInstant().atZone(clock.zone()).toOffsetDateTime(), clock.now()));
        ALREADY_REQUESTED.set(execution, !inserted);
        // Both are read by the task's assignee and candidate-group expressions, whichever kind of member.
        UNIT_CONTACT.set(execution, unit ? required(execution, UNIT_CONTACT) : null);
        CANDIDATE_GROUP.set(execution, unit ? null : required(execution, CANDIDATE_GROUP));
        UNIT_NAME.set(execution, memberName); // the reminder digests name a task's unit by this variable
        REVISION_REQUESTED.set(execution, false);
        REPORT_PAGE_URL.set(execution, mail.baseUrl() + ReportRequestPage.PATH + launchId);
    }

    /** What the launch's selection gives every member: missing, the launch is broken, not the person. */
    private static <T> T required(DelegateExecution execution, Variable<T> variable) {
        T value = variable.get(execution);
        if (value == null) {
            throw new RuleViolation(variable.name(), "工作报送缺少「" + variable.name() + "」，无法登记");
        }
        return value;
    }
}
