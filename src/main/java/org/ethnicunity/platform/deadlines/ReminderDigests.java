package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailNotifier;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * What a reminder says: a task's line (process, unit, task, due time, how due it is, who holds it when
 * escalated) and the digest mail of one person and day, queued once under the key digest:person:day.
 */
@Component
class ReminderDigests {

    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    // Due dates are formatted yyyy-MM-dd HH:mm, so their text order is their time order.
    /** Most overdue first; ties (same due minute) in a fixed order so a capped digest lists the same lines every time. */
    private static final Comparator<DigestItem> MOST_OVERDUE_FIRST = Comparator.comparing(DigestItem::due)
            .thenComparing(DigestItem::processName).thenComparing(DigestItem::unitName)
            .thenComparing(DigestItem::taskName).thenComparing(DigestItem::link);

    /** How due a task is: overdue or not, by how many working days, and as the digest words it. */
    record Due(boolean overdue, int overdueWorkingDays, String state) {
    }

    private final RepositoryService repository;
    private final WorkingDayCalendar calendar;
    private final ReminderSettings settings;
    private final BusinessClock clock;
    private final MailNotifier mail;
    /** Process names by definition id: a definition's name never changes, a new version has a new id. */
    private final Map<String, String> processNames = new ConcurrentHashMap<>();

    ReminderDigests(@Lazy RepositoryService repository, WorkingDayCalendar calendar, ReminderSettings settings,
                    BusinessClock clock, MailNotifier mail) {
        this.repository = repository;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.mail = mail;
    }

    Due due(Task task, ZonedDateTime now) {
        LocalDate today = now.toLocalDate();
        LocalDate dueDay = task.getDueDate().toInstant().atZone(clock.zone()).toLocalDate();
        boolean overdue = task.getDueDate().toInstant().isBefore(now.toInstant());
        int overdueDays = overdue ? calendar.workingDaysBetween(dueDay, today) : 0;
        String state = !overdue ? dueSoonLabel(today, dueDay)
                : overdueDays > 0 ? "已逾期 " + overdueDays + " 个工作日"
                : dueDay.isBefore(today) ? "已逾期（其间无工作日）" : "今天已到期";
        return new Due(overdue, overdueDays, state);
    }

    /** A task's line; {@code holder} only on an escalated one. */
    DigestItem item(Task task, String state, String holder, Object unitName) {
        String processName = task.getProcessDefinitionId() == null ? "" : processNames.computeIfAbsent(
                task.getProcessDefinitionId(), id -> {
                    String name = repository.getProcessDefinition(id).getName();
                    return name == null ? id : name;
                });
        String due = task.getDueDate().toInstant().atZone(clock.zone()).format(DUE);
        return new DigestItem(processName, unitName == null ? "" : unitName.toString(), task.getName(), due, state,
                mail.settings().taskUrl(task.getId()), holder);
    }

    /** Queues the person's digest of the day unless it is queued already; true when it was queued now. */
    boolean queue(User user, LocalDate today, List<DigestItem> items) {
        List<DigestItem> own = items.stream().filter(i -> !i.escalation()).sorted(MOST_OVERDUE_FIRST).toList();
        List<DigestItem> supervised = items.stream().filter(DigestItem::escalation).sorted(MOST_OVERDUE_FIRST).toList();
        int max = settings.digestMaxItems();
        Map<String, Object> model = new HashMap<>();
        model.put("name", user.getFirstName() == null || user.getFirstName().isBlank() ? user.getId() : user.getFirstName());
        model.put("date", today.toString());
        model.put("own", own.subList(0, Math.min(max, own.size())));
        model.put("ownMore", Math.max(0, own.size() - max));
        model.put("supervised", supervised.subList(0, Math.min(max, supervised.size())));
        model.put("supervisedMore", Math.max(0, supervised.size() - max));
        model.put("tasklist", mail.settings().tasklistUrl());
        String subject = "【民族团结进步创建】待办提醒（" + today + "）：" + own.size() + " 项待办"
                + (supervised.isEmpty() ? "" : "，" + supervised.size() + " 项督办");
        return mail.sendOnce("digest:" + user.getId() + ":" + today, user.getEmail(), subject, "task-digest", model);
    }

    private String dueSoonLabel(LocalDate today, LocalDate dueDay) {
        int days = calendar.workingDaysBetween(today, dueDay);
        return days == 0 ? "今天到期" : "还有 " + days + " 个工作日到期";
    }
}
