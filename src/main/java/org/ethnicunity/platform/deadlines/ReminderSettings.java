package org.ethnicunity.platform.deadlines;

import java.time.LocalTime;
import java.util.Map;
import org.ethnicunity.platform.security.Roles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rhythm of reminders; all of it configuration, so demos and tests can run in seconds.
 *
 * @param sweepCycle            ISO-8601 repeat of the reminder sweep (timer of bpmn/reminders.bpmn)
 * @param leadWorkingDays       remind this many working days before a task falls due
 * @param escalationWorkingDays tell the supervising group once a task is this many working days overdue
 * @param quietFrom             no digests from this time of day ...
 * @param quietUntil            ... until this time of day (the sweep then waits for its next run)
 * @param onNonWorkingDays      send digests on weekends and holidays too; off in production, where
 *                              nobody works then, on for a demo that has to run on a Sunday
 * @param digestMaxItems        lines per section of a digest, most overdue first; the rest is counted
 *                              and left to Tasklist, so a reviewer with thousands of tasks gets a readable mail
 * @param digestBatch           digests queued per transaction; a sweep over tens of thousands of overdue
 *                              tasks commits as it goes instead of holding everything in one transaction
 * @param digestThreads         threads rendering and queueing those batches; rendering 45,000 digests was
 *                              most of a 50,000-task sweep on one core (docs/benchmarks.md)
 * @param supervisingRoles      who is told of a long-overdue task, by the role of the group it is offered
 *                              to (prelim: commission); a role not listed goes to {@code supervision}
 */
@ConfigurationProperties("app.reminders")
public record ReminderSettings(@DefaultValue("R/PT1H") String sweepCycle,
                               @DefaultValue("2") int leadWorkingDays,
                               @DefaultValue("5") int escalationWorkingDays,
                               @DefaultValue("20:00") LocalTime quietFrom,
                               @DefaultValue("08:00") LocalTime quietUntil,
                               @DefaultValue("false") boolean onNonWorkingDays,
                               @DefaultValue("50") int digestMaxItems,
                               @DefaultValue("200") int digestBatch,
                               @DefaultValue("2") int digestThreads,
                               Map<String, String> supervisingRoles) {

    /** Refuses settings that would break every sweep or silently reach nobody, at start. */
    public ReminderSettings {
        if (leadWorkingDays < 0 || escalationWorkingDays < 0) {
            throw new IllegalArgumentException("app.reminders.lead-working-days 和 escalation-working-days 不能为负数 / must not be negative: "
                    + leadWorkingDays + ", " + escalationWorkingDays);
        }
        if (digestMaxItems < 1) {
            throw new IllegalArgumentException("app.reminders.digest-max-items 须至少为 1 / must be at least 1: " + digestMaxItems);
        }
        if (digestBatch < 1) {
            throw new IllegalArgumentException("app.reminders.digest-batch 须至少为 1 / must be at least 1: " + digestBatch);
        }
        if (digestThreads < 1) {
            throw new IllegalArgumentException("app.reminders.digest-threads 须至少为 1 / must be at least 1: " + digestThreads);
        }
        if (supervisingRoles != null) {
            supervisingRoles.forEach((role, supervisor) -> {
                if (!role.matches("[a-z]+") || supervisor == null || !supervisor.matches("[a-z]+")) {
                    throw new IllegalArgumentException("app.reminders.supervising-roles." + role + "=" + supervisor
                            + "：角色名只能是小写字母，与组名 ROLE-行政区划 中的 ROLE 一致 / role names are lower-case letters, as in ROLE-REGIONCODE");
                }
            });
        }
    }

    /** The role whose groups (ROLE-REGIONCODE) are told when a task of {@code role} is long overdue. */
    public String supervisingRole(String role) {
        return supervisingRoles == null || role == null ? Roles.SUPERVISION : supervisingRoles.getOrDefault(role, Roles.SUPERVISION);
    }

    public boolean isQuiet(LocalTime time) {
        if (quietFrom.equals(quietUntil)) {
            return false;
        }
        return quietFrom.isBefore(quietUntil)
                ? !time.isBefore(quietFrom) && time.isBefore(quietUntil)
                : !time.isBefore(quietFrom) || time.isBefore(quietUntil);
    }
}
