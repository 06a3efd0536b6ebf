package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * The reminder sweep (bpmn/reminders.bpmn): finds every open task due within the lead time or
 * overdue, and queues for each person one digest a day listing all of theirs; tasks overdue past the
 * escalation threshold are listed for the supervising group of their region too. The digest's
 * outbox key (person and day) makes a second run, or a second node, queue nothing new.
 *
 * <p>The jobs are its collaborators': {@link DueTasks} which tasks, {@link ReminderRecipients} who
 * receives, {@link ReminderDigests} what the digests say, {@link ReminderQueue} queueing them,
 * {@link ReminderStatistics} what a run did. This class decides when to run and walks the tasks.
 */
@Component("reminderSweep")
public class ReminderSweep implements JavaDelegate {

    /** What one run did, kept for /actuator/reminders and as variables of the run's instance (ReminderContract). */
    public record Run(ZonedDateTime at, String skipped, int tasks, int recipients, int digestsQueued,
                      int escalatedTasks, int escalatedWithoutSupervisor, List<String> missingSupervisors,
                      int withoutEmail, long millis) {

        static Run skipped(ZonedDateTime at, String reason) {
            return new Run(at, reason, 0, 0, 0, 0, 0, List.of(), 0, 0);
        }
    }

    private final DueTasks dueTasks;
    private final ReminderRecipients recipients;
    private final ReminderDigests digests;
    private final ReminderQueue queue;
    private final ReminderStatistics statistics;
    private final WorkingDayCalendar calendar;
    private final ReminderSettings settings;
    private final BusinessClock clock;
    /** Rides on the sweep's timer: one cluster-wide hourly run for the check of the calendar's coverage. */
    private final CalendarWatch calendarWatch;

    ReminderSweep(DueTasks dueTasks, ReminderRecipients recipients, ReminderDigests digests, ReminderQueue queue,
                  ReminderStatistics statistics, WorkingDayCalendar calendar, ReminderSettings settings,
                  BusinessClock clock, CalendarWatch calendarWatch) {
        this.dueTasks = dueTasks;
        this.recipients = recipients;
        this.digests = digests;
        this.queue = queue;
        this.statistics = statistics;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.calendarWatch = calendarWatch;
    }

    @Override
    public void execute(DelegateExecution execution) {
        calendarWatch.check();
        ReminderContract.record(execution, run());
    }

    public Optional<Run> lastRun() {
        return statistics.lastRun();
    }

    /**
     * One sweep: reads every task due soon or overdue, then queues the digests in transactions of
     * {@code app.reminders.digest-batch} each and hands the sending to the outbox's own thread. A run
     * cut off half-way is simply run again: the digests' outbox keys make the second run queue only
     * those still missing.
     */
    public Run run() {
        ReminderStatistics.Tally tally = new ReminderStatistics.Tally();
        ZonedDateTime now = clock.now().toZonedDateTime();
        LocalDate today = now.toLocalDate();
        if (!settings.onNonWorkingDays() && !calendar.isWorkingDay(today)) {
            return statistics.record(Run.skipped(now, "非工作日"));
        }
        if (settings.isQuiet(now.toLocalTime())) {
            return statistics.record(Run.skipped(now, "免打扰时段"));
        }
        LocalDate horizon = calendar.addWorkingDays(today, settings.leadWorkingDays());
        Date dueBefore = Date.from(horizon.plusDays(1).atStartOfDay(clock.zone()).toInstant());

        Map<String, List<DigestItem>> items = new LinkedHashMap<>();
        ReminderRecipients.Lookup people = recipients.lookup();
        dueTasks.forEachPage(dueBefore, page -> {
            people.readAssignees(page.tasks());
            for (Task task : page.tasks()) {
                tally.task();
                remind(task, page, now, people, tally, items);
            }
        });

        Map<String, User> users = people.users(items.keySet());
        List<User> withEmail = new ArrayList<>();
        for (String id : items.keySet()) {
            User user = users.get(id);
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                tally.withoutEmail();
            } else {
                withEmail.add(user);
            }
        }
        int queued = queue.queue(withEmail, today, items);
        return statistics.record(tally.run(now, items.size(), queued));
    }

    /** Lists the task for the people responsible for it and, when long overdue, for its supervisors. */
    private void remind(Task task, DueTasks.Page page, ZonedDateTime now, ReminderRecipients.Lookup people,
                        ReminderStatistics.Tally tally, Map<String, List<DigestItem>> items) {
        ReminderDigests.Due due = digests.due(task, now);
        List<IdentityLink> links = page.linksOf(task);
        DigestItem item = digests.item(task, due.state(), null, page.unitName(task));
        for (String user : people.responsible(task, links)) {
            items.computeIfAbsent(user, u -> new ArrayList<>()).add(item);
        }
        if (!due.overdue() || due.overdueWorkingDays() < settings.escalationWorkingDays()) {
            return;
        }
        tally.escalated();
        DigestItem escalation = digests.item(task, due.state() + "，已督办", people.holder(task, links), page.unitName(task));
        ReminderRecipients.Escalation to = people.escalation(task, links, page.region(task));
        if (to.supervisors().isEmpty()) {
            tally.unsupervised(to.scope());
        }
        for (String supervisor : to.supervisors()) {
            items.computeIfAbsent(supervisor, u -> new ArrayList<>()).add(escalation);
        }
    }
}
