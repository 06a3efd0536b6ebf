package org.ethnicunity.platform.launcher;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.engine.CommandScope;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RuleViolation;
import org.springframework.stereotype.Component;

/**
 * First step of a launch (bpmn/launch.bpmn): checks the start form's values and the starter's
 * scope, and records the launch with its whole selection, in the starting transaction. The filter
 * and its grants are the platform's doing, not the starter's (who may not create authorizations).
 */
@Component("createLaunch")
class CreateLaunch implements JavaDelegate {

    private final LaunchService service;
    private final BusinessClock clock;

    CreateLaunch(LaunchService service, BusinessClock clock) {
        this.service = service;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) throws Exception {
        LaunchRequest request = new LaunchRequest(text(execution, "launchKind"), text(execution, "launchTitle"),
                text(execution, "regionCode"), text(execution, "level"), text(execution, "unitType"),
                text(execution, "designationStatus"), year(execution.getVariable("reviewYear")),
                date(execution, "reportDueDate", "报送截止日期"), date(execution, "finalDeadline", "最终期限"),
                text(execution, "instructions"), text(execution, "audience"));
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        Launch launch = CommandScope.withoutAuthorization(
                () -> service.create(request, caller, execution.getProcessInstanceId()));
        execution.setProcessBusinessKey("launch-" + launch.id());
        execution.setVariable("launchId", launch.id());
        execution.setVariable("launchTitle", launch.title());
        execution.setVariable("launchTotal", launch.total());
        execution.setVariable("launchStarted", 0);
        execution.setVariable("launchFailed", 0);
        execution.setVariable("launchPending", true);
        execution.setVariable("launchCancelled", false);
        execution.setVariable("launchProgress", StartMembers.progress(launch.total(), 0, 0, launch.total()));
    }

    private static String text(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        return value == null ? null : value.toString();
    }

    private static Integer year(Object value) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() == n.intValue()) {
            return n.intValue();
        }
        try {
            return Integer.valueOf(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new RuleViolation("reviewYear", "「评估年度」须为四位年份，如 2026，收到的是「" + value + "」");
        }
    }

    private LocalDate date(DelegateExecution execution, String name, String label) {
        Object value = execution.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant().atZone(clock.zone()).toLocalDate();
        }
        try {
            String s = value.toString().trim();
            return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
        } catch (DateTimeParseException e) {
            throw new RuleViolation(name, "「" + label + "」须为日期（如 2026-09-27），收到的是「" + value + "」");
        }
    }
}
