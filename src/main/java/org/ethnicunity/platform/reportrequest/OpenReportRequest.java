package org.ethnicunity.platform.reportrequest;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
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
        long launchId = launchId(execution.getVariable("launchId"));
        String memberType = required(execution, "memberType");
        boolean unit = "UNIT".equals(memberType);
        if (!unit && !"COMMISSION".equals(memberType)) {
            throw new RuleViolation("memberType", "工作报送的报送方类型应为 UNIT 或 COMMISSION，收到的是「" + memberType + "」");
        }
        String memberName = required(execution, "memberName");
        LocalDate dueDate = dueDate(execution.getVariable("reportDueDate"));

        boolean inserted = submissions.insert(new ReportSubmissions.Request(launchId, required(execution, "memberKey"),
                memberType, memberName, required(execution, "regionCode"), required(execution, "requesterRegionCode"),
                required(execution, "launchTitle"), execution.getProcessInstanceId(), dueDate,
                serviceLevels.until(dueDate).toInstant().atZone(clock.zone()).toOffsetDateTime(), clock.now()));
        execution.setVariable("alreadyRequested", !inserted);
        // Both are read by the task's assignee and candidate-group expressions, whichever kind of member.
        execution.setVariable("unitContact", unit ? required(execution, "unitContact") : null);
        execution.setVariable("candidateGroup", unit ? null : required(execution, "candidateGroup"));
        execution.setVariable("unitName", memberName); // the reminder digests name a task's unit by this variable
        execution.setVariable("revisionRequested", false);
        execution.setVariable("reportPageUrl", mail.baseUrl() + ReportRequestPage.PATH + launchId);
    }

    private static String required(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation(name, "工作报送缺少「" + name + "」，无法登记");
        }
        return value.toString().trim();
    }

    private static long launchId(Object value) {
        if (value instanceof Number n && n.longValue() > 0) {
            return n.longValue();
        }
        throw new RuleViolation("launchId", "工作报送缺少批量发起编号（launchId），收到的是「" + value + "」");
    }

    private static LocalDate dueDate(Object value) {
        try {
            return LocalDate.parse(value == null ? "" : value.toString().trim());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("reportDueDate", "工作报送的截止日期应为 2026-09-27 这样的日期，收到的是「" + value + "」");
        }
    }
}
