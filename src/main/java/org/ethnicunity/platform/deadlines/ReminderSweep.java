package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.mail.OutboxSender;
import org.ethnicunity.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminder sweep (bpmn/reminders.bpmn): finds every open task due within the lead time or
 * overdue, and queues for each person one digest a day listing all of theirs; tasks overdue past the
 * escalation threshold are listed for the supervising group of their region too. The digest's
 * outbox key (person and day) makes a second run, or a second node, queue nothing new.
 */
@Component("reminderSweep")
public class ReminderSweep implements JavaDelegate {

    /** What one run did, kept for /actuator/reminders and as variables of the run's instance. */
    public record Run(ZonedDateTime at, String skipped, int tasks, int recipients, int digestsQueued,
                      int escalatedTasks, int escalatedWithoutSupervisor, List<String> missingSupervisors,
                      int withoutEmail, long millis) {

        static Run skipped(ZonedDateTime at, String reason) {
            return new Run(at, reason, 0, 0, 0, 0, 0, List.of(), 0, 0);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(ReminderSweep.class);
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final int PAGE = 1000;
    /** Tasks read a page; smaller in a test that walks many pages. */
    int pageSize = PAGE;
    // Due dates are formatted yyyy-MM-dd HH:mm, so their text order is their time order.
    /** Most overdue first; ties (same due minute) in a fixed order so a capped digest lists the same lines every time. */
    private static final Comparator<DigestItem> MOST_OVERDUE_FIRST = Comparator.comparing(DigestItem::due)
            .thenComparing(DigestItem::processName).thenComparing(DigestItem::unitName)
            .thenComparing(DigestItem::taskName).thenComparing(DigestItem::link);

    private final TaskService tasks;
    private final IdentityService identity;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final WorkingDayCalendar calendar;
    private final ReminderSettings settings;
    private final BusinessClock clock;
    private final MailNotifier mail;
    private final JdbcClient jdbc;
    private final OutboxSender sender;
    private final TransactionTemplate batches;
    private final AtomicReference<Run> lastRun = new AtomicReference<>();
    /** Rides on the sweep's timer: one cluster-wide hourly run for the check of the calendar's coverage. */
    @org.springframework.beans.factory.annotation.Autowired
    private CalendarWatch calendarWatch;

    ReminderSweep(@Lazy TaskService tasks, @Lazy IdentityService identity, @Lazy RuntimeService runtime,
                  @Lazy RepositoryService repository, WorkingDayCalendar calendar, ReminderSettings settings,
                  BusinessClock clock, MailNotifier mail, JdbcClient jdbc, OutboxSender sender,
                  PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.identity = identity;
        this.runtime = runtime;
        this.repository = repository;
        this.calendar = calendar;
        this.settings = settings;
        this.clock = clock;
        this.mail = mail;
        this.jdbc = jdbc;
        this.sender = sender;
        // Digests are queued in transactions of their own, a batch at a time: a sweep over 50,000
        // overdue tasks must not hold one transaction open over all of them.
        this.batches = new TransactionTemplate(transactions);
        this.batches.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void execute(DelegateExecution execution) {
        calendarWatch.check();
        Run run = run();
        execution.setVariable("skipped", run.skipped());
        execution.setVariable("tasks", run.tasks());
        execution.setVariable("recipients", run.recipients());
        execution.setVariable("digestsQueued", run.digestsQueued());
        execution.setVariable("escalatedTasks", run.escalatedTasks());
        execution.setVariable("escalatedWithoutSupervisor", run.escalatedWithoutSupervisor());
        execution.setVariable("missingSupervisors", String.join(", ", run.missingSupervisors()));
        execution.setVariable("withoutEmail", run.withoutEmail());
        execution.setVariable("millis", run.millis());
    }

    public Optional<Run> lastRun() {
        return Optional.ofNullable(lastRun.get());
    }

    /**
     * One sweep: reads every task due soon or overdue, then queues the digests in transactions of
     * {@code app.reminders.digest-batch} each and hands the sending to the outbox's own thread. A run
     * cut off half-way is simply run again: the digests' outbox keys make the second run queue only
     * those still missing.
     */
    public Run run() {
        long started = System.nanoTime();
        ZonedDateTime now = clock.now().toZonedDateTime();
        LocalDate today = now.toLocalDate();
        if (!settings.onNonWorkingDays() && !calendar.isWorkingDay(today)) {
            return record(Run.skipped(now, "非工作日"));
        }
        if (settings.isQuiet(now.toLocalTime())) {
            return record(Run.skipped(now, "免打扰时段"));
        }
        LocalDate horizon = calendar.addWorkingDays(today, settings.leadWorkingDays());
        java.util.Date dueBefore = java.util.Date.from(horizon.plusDays(1).atStartOfDay(clock.zone()).toInstant());

        Map<String, List<DigestItem>> digests = new LinkedHashMap<>();
        Map<String, Set<String>> membersCache = new HashMap<>();
        Map<String, String> processNames = new HashMap<>();
        Map<String, Set<String>> supervisorsByScope = new HashMap<>();
        Map<String, String> groupNames = new HashMap<>();
        identity.createGroupQuery().list().forEach(g -> groupNames.put(g.getId(), g.getName() == null ? g.getId() : g.getName()));
        List<String> groupIds = groupNames.keySet().stream().sorted().toList();
        Map<String, String> userNames = new HashMap<>();
        int scanned = 0;
        int escalated = 0;
        Set<String> missingSupervisors = new TreeSet<>();
        int unsupervised = 0;
        String after = "";
        while (true) {
            List<String> pageIds = dueTaskIds(dueBefore, after);
            if (pageIds.isEmpty()) {
                break;
            }
            after = pageIds.get(pageIds.size() - 1);
            List<Task> page = tasks.createTaskQuery().taskIdIn(pageIds.toArray(String[]::new)).orderByTaskId().asc().list();
            Map<String, List<IdentityLink>> linksByTask = candidateLinks(page);
            String[] instances = page.stream().map(Task::getProcessInstanceId).filter(java.util.Objects::nonNull)
                    .distinct().toArray(String[]::new);
            Map<String, Object> unitNames = new HashMap<>();
            Map<String, Object> regions = new HashMap<>();
            if (instances.length > 0) {
                runtime.createVariableInstanceQuery().variableNameIn("unitName", "regionCode").processInstanceIdIn(instances)
                        .list().forEach(v -> ("unitName".equals(v.getName()) ? unitNames : regions)
                                .put(v.getProcessInstanceId(), v.getValue()));
            }
            loadNames(page.stream().map(Task::getAssignee).filter(java.util.Objects::nonNull)
                    .filter(id -> !userNames.containsKey(id)).distinct().toList(), userNames);
            for (Task task : page) {
                scanned++;
                LocalDate dueDay = task.getDueDate().toInstant().atZone(clock.zone()).toLocalDate();
                boolean overdue = task.getDueDate().toInstant().isBefore(now.toInstant());
                int overdueDays = overdue ? calendar.workingDaysBetween(dueDay, today) : 0;
                String state = !overdue ? dueSoonLabel(today, dueDay)
                        : overdueDays > 0 ? "已逾期 " + overdueDays + " 个工作日"
                        : dueDay.isBefore(today) ? "已逾期（其间无工作日）" : "今天已到期";
                List<IdentityLink> links = linksByTask.getOrDefault(task.getId(), List.of());
                DigestItem item = item(task, state, null, processNames, unitNames);
                for (String user : responsible(task, links, membersCache)) {
                    digests.computeIfAbsent(user, u -> new ArrayList<>()).add(item);
                }
                if (overdue && overdueDays >= settings.escalationWorkingDays()) {
                    escalated++;
                    DigestItem escalation = item(task, state + "，已督办", holder(task, links, groupNames, userNames),
                            processNames, unitNames);
                    Scope scope = scope(task, links, regions);
                    String supervisingRole = settings.supervisingRole(scope.role());
                    Set<String> supervisors = supervisorsByScope.computeIfAbsent(supervisingRole + "-" + scope.region(),
                            key -> supervisors(supervisingRole, scope.region(), groupIds, membersCache));
                    if (supervisors.isEmpty()) {
                        unsupervised++;
                        missingSupervisors.add(scope.region() == null ? "无行政区划的任务 / tasks without a region"
                                : supervisingRole + "-" + scope.region());
                    }
                    for (String supervisor : supervisors) {
                        digests.computeIfAbsent(supervisor, u -> new ArrayList<>()).add(escalation);
                    }
                }
            }
            if (pageIds.size() < pageSize) {
                break;
            }
        }
        if (unsupervised > 0) {
            // An escalation nobody receives is a gap in the set-up, not in the task: say where.
            log.warn("{} overdue tasks have nobody to escalate to: no members in a group covering {} "
                    + "(逾期督办无人接收：请在 Admin 中建立覆盖该地区的组并添加成员)", unsupervised, missingSupervisors);
        }
        int queued = 0;
        int withoutEmail = 0;
        Map<String, User> users = new HashMap<>();
        List<String> ids = new ArrayList<>(digests.keySet());
        for (int i = 0; i < ids.size(); i += PAGE) {
            identity.createUserQuery().userIdIn(ids.subList(i, Math.min(ids.size(), i + PAGE)).toArray(String[]::new))
                    .list().forEach(u -> users.put(u.getId(), u));
        }
        List<User> recipients = new ArrayList<>();
        for (String id : digests.keySet()) {
            User user = users.get(id);
            if (user == null || user.getEmail() == null || user.getEmail().isBlank()) {
                withoutEmail++;
            } else {
                recipients.add(user);
            }
        }
        int batch = settings.digestBatch();
        List<List<User>> slices = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i += batch) {
            slices.add(recipients.subList(i, Math.min(recipients.size(), i + batch)));
        }
        queued = queueAll(slices, today, digests);
        if (queued > 0) {
            sender.wake();
        }
        return record(new Run(now, null, scanned, digests.size(), queued, escalated, unsupervised,
                List.copyOf(missingSupervisors), withoutEmail,
                (System.nanoTime() - started) / 1_000_000));
    }

    /**
     * Renders and queues the digests, a transaction per slice, on {@code app.reminders.digest-threads}
     * threads: rendering 45,329 digests (HTML and text) was most of a 50,000-task sweep's time, on one
     * core of two (docs/benchmarks.md). A slice that fails rolls back alone; the next run queues it.
     */
    private int queueAll(List<List<User>> slices, LocalDate today, Map<String, List<DigestItem>> digests) {
        Function<List<User>, Integer> queueSlice = slice -> batches.execute(tx -> {
            MailNotifier.deferToOutbox();
            int n = 0;
            for (User user : slice) {
                n += queueDigest(user, today, digests.get(user.getId())) ? 1 : 0;
            }
            return n;
        });
        int threads = Math.min(settings.digestThreads(), slices.size());
        if (threads <= 1) {
            return slices.stream().mapToInt(queueSlice::apply).sum();
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "reminder-digests");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Integer>> done = new ArrayList<>();
            slices.forEach(slice -> done.add(workers.submit(() -> queueSlice.apply(slice))));
            int queued = 0;
            for (Future<Integer> slice : done) {
                queued += slice.get();
            }
            return queued;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("提醒汇总被中断 / reminder sweep interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    private boolean queueDigest(User user, LocalDate today, List<DigestItem> items) {
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

    private DigestItem item(Task task, String state, String holder, Map<String, String> processNames,
                            Map<String, Object> unitNames) {
        String processName = task.getProcessDefinitionId() == null ? "" : processNames.computeIfAbsent(
                task.getProcessDefinitionId(), id -> {
                    String name = repository.getProcessDefinition(id).getName();
                    return name == null ? id : name;
                });
        Object unitName = unitNames.get(task.getProcessInstanceId());
        String due = task.getDueDate().toInstant().atZone(clock.zone()).format(DUE);
        return new DigestItem(processName, unitName == null ? "" : unitName.toString(), task.getName(), due, state,
                mail.settings().taskUrl(task.getId()), holder);
    }

    /** Who holds an escalated task: its assignee, or the groups and users it waits to be claimed by. */
    private String holder(Task task, List<IdentityLink> links, Map<String, String> groupNames, Map<String, String> userNames) {
        if (task.getAssignee() != null) {
            return "办理人：" + userNames.getOrDefault(task.getAssignee(), task.getAssignee());
        }
        List<String> candidates = links.stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()))
                .map(l -> l.getGroupId() != null ? groupNames.getOrDefault(l.getGroupId(), l.getGroupId()) : l.getUserId())
                .toList();
        return candidates.isEmpty() ? "无人承办" : "待领取：" + String.join("、", candidates);
    }

    private String dueSoonLabel(LocalDate today, LocalDate dueDay) {
        int days = calendar.workingDaysBetween(today, dueDay);
        return days == 0 ? "今天到期" : "还有 " + days + " 个工作日到期";
    }

    /** The assignee, or else every candidate: candidate users and the members of candidate groups. */
    private Set<String> responsible(Task task, List<IdentityLink> links, Map<String, Set<String>> membersCache) {
        Set<String> users = new LinkedHashSet<>();
        if (task.getAssignee() != null) {
            users.add(task.getAssignee());
            return users;
        }
        for (IdentityLink link : links) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            } else if (link.getGroupId() != null) {
                users.addAll(members(link.getGroupId(), membersCache));
            }
        }
        return users;
    }

    /** The role and region a task is offered to (ROLE-REGIONCODE); else no role and the instance's regionCode. */
    private record Scope(String role, String region) {
    }

    private Scope scope(Task task, List<IdentityLink> links, Map<String, Object> regions) {
        for (IdentityLink link : links) {
            if (link.getGroupId() != null) {
                Optional<Roles.RegionalGroup> group = Roles.regional(link.getGroupId());
                if (group.isPresent()) {
                    return new Scope(group.get().role(), group.get().region());
                }
            }
        }
        Object region = regions.get(task.getProcessInstanceId());
        return new Scope(null, region == null ? null : region.toString());
    }

    /** Members of every group of the supervising role whose region covers the task's (a city's covers its banners). */
    private Set<String> supervisors(String role, String region, List<String> groupIds, Map<String, Set<String>> membersCache) {
        Set<String> users = new LinkedHashSet<>();
        if (region == null) {
            return users;
        }
        for (String group : groupIds) {
            Optional<Roles.RegionalGroup> regional = Roles.regional(group);
            if (regional.isPresent() && regional.get().role().equals(role) && RegionCodes.covers(regional.get().region(), region)) {
                users.addAll(members(group, membersCache));
            }
        }
        return users;
    }

    /**
     * The next page of active tasks due before the horizon, after the last one read (by id). Camunda's
     * task query pages by OFFSET, and every page sorted all due tasks again: 41 ms a page, 2 s a
     * sweep over 50,000 (docs/benchmarks.md); ACT_RU_TASK is the engine's documented table.
     */
    private List<String> dueTaskIds(java.util.Date dueBefore, String after) {
        return jdbc.sql("""
                SELECT ID_ FROM ACT_RU_TASK WHERE SUSPENSION_STATE_ = 1 AND DUE_DATE_ < ? AND ID_ > ?
                ORDER BY ID_ LIMIT ?""")
                .params(new java.sql.Timestamp(dueBefore.getTime()), after, pageSize).query(String.class).list();
    }

    /**
     * The candidate links of a page of tasks in one query. Camunda's API reads them task by task,
     * which made a sweep over 2,000 tasks take 30 s; ACT_RU_IDENTITYLINK is the engine's documented table.
     */
    private Map<String, List<IdentityLink>> candidateLinks(List<Task> page) {
        Map<String, List<IdentityLink>> links = new HashMap<>();
        if (page.isEmpty()) {
            return links;
        }
        jdbc.sql("SELECT TASK_ID_, USER_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TYPE_ = 'candidate' AND TASK_ID_ IN (:ids)")
                .param("ids", page.stream().map(Task::getId).toList())
                .query((rs, n) -> new CandidateLink(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list().forEach(link -> links.computeIfAbsent(link.getTaskId(), id -> new ArrayList<>()).add(link));
        return links;
    }

    /** First names of these users, a page of ids a query. */
    private void loadNames(List<String> ids, Map<String, String> names) {
        for (int i = 0; i < ids.size(); i += PAGE) {
            List<String> slice = ids.subList(i, Math.min(ids.size(), i + PAGE));
            slice.forEach(id -> names.put(id, id));
            identity.createUserQuery().userIdIn(slice.toArray(String[]::new)).list().forEach(u -> names.put(u.getId(),
                    u.getFirstName() == null || u.getFirstName().isBlank() ? u.getId() : u.getFirstName()));
        }
    }

    private Set<String> members(String group, Map<String, Set<String>> cache) {
        return cache.computeIfAbsent(group, g -> {
            Set<String> ids = new LinkedHashSet<>();
            identity.createUserQuery().memberOfGroup(g).list().forEach(u -> ids.add(u.getId()));
            return ids;
        });
    }

    private Run record(Run run) {
        lastRun.set(run);
        log.info("Reminder sweep: {}", run);
        return run;
    }
}
