package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.BusinessClock;
import org.ethnicunity.platform.mail.MailNotifier;
import org.ethnicunity.platform.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Lazy;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Asks for the next year's calendar file in time. From warn-from (1 October) of the last year that has
 * a file until a later file is loaded: a WARN line at start and, on each node, once a day; and a mail
 * each ISO week to every administrator (member of {@link Roles#ADMIN} with an address). {@link #check()}
 * runs with every reminder sweep (hourly, one node at a time); the outbox key
 * {@code calendar-missing:YEAR:USER:WEEK} lets a second run or node queue nothing new that week.
 */
@Component
class CalendarWatch {

    private static final Logger log = LoggerFactory.getLogger(CalendarWatch.class);

    private final WorkingDayCalendar calendar;
    private final CalendarSettings settings;
    private final ReminderSettings reminders;
    private final BusinessClock clock;
    private final MailNotifier mail;
    private final IdentityService identity;
    /** The last day this node logged the warning. */
    private final AtomicReference<LocalDate> warned = new AtomicReference<>();

    CalendarWatch(WorkingDayCalendar calendar, CalendarSettings settings, ReminderSettings reminders,
                  BusinessClock clock, MailNotifier mail, @Lazy IdentityService identity) {
        this.calendar = calendar;
        this.settings = settings;
        this.reminders = reminders;
        this.clock = clock;
        this.mail = mail;
        this.identity = identity;
    }

    CalendarCoverage coverage() {
        return CalendarCoverage.of(calendar, clock.today(), settings.warnFromDay());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        CalendarCoverage coverage = coverage();
        if (coverage.warning()) {
            warned.set(coverage.today());
            log.warn(message(coverage));
        }
    }

    /**
     * Logs the warning if this node has not yet today, and queues the week's mail to each administrator
     * who has not had it (none in the reminders' quiet hours). @return how many mails this call queued
     */
    int check() {
        CalendarCoverage coverage = coverage();
        if (!coverage.warning()) {
            return 0;
        }
        if (!coverage.today().equals(warned.getAndSet(coverage.today()))) {
            log.warn(message(coverage));
        }
        ZonedDateTime now = clock.now().toZonedDateTime();
        if (reminders.isQuiet(now.toLocalTime())) {
            return 0;
        }
        String week = coverage.today().get(IsoFields.WEEK_BASED_YEAR) + "-W"
                + String.format("%02d", coverage.today().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        String subject = "【民族团结进步创建】工作日历缺少 " + coverage.fallbackFrom() + " 年数据，请补充 " + coverage.missingFile();
        int queued = 0;
        for (User admin : identity.createUserQuery().memberOfGroup(Roles.ADMIN).list()) {
            if (admin.getEmail() == null || admin.getEmail().isBlank()) {
                continue;
            }
            String key = "calendar-missing:" + coverage.fallbackFrom() + ":" + admin.getId() + ":" + week;
            if (mail.sendOnce(key, admin.getEmail(), subject, "calendar-missing", model(admin, coverage))) {
                queued++;
            }
        }
        return queued;
    }

    private Map<String, Object> model(User admin, CalendarCoverage coverage) {
        Map<String, Object> model = new HashMap<>();
        model.put("name", admin.getFirstName() == null || admin.getFirstName().isBlank() ? admin.getId() : admin.getFirstName());
        model.put("lastYear", coverage.lastYear());
        model.put("nextYear", coverage.fallbackFrom());
        model.put("missingFile", coverage.missingFile());
        model.put("where", whereToPut(settings.location()));
        model.put("warnFrom", coverage.warnFrom().toString());
        model.put("alreadyCounting", coverage.today().getYear() > coverage.lastYear());
        model.put("provisional", coverage.provisionalYears().stream().map(String::valueOf).collect(Collectors.joining("、")));
        return model;
    }

    private String message(CalendarCoverage coverage) {
        return "工作日历只到 " + coverage.lastYear() + " 年：缺少 " + coverage.missingFile() + "，" + coverage.fallbackFrom()
                + " 年起的到期日只按周末和法定节假日推算（无调休、补休）。请按国务院办公厅节假日安排编写该文件，放入"
                + whereToPut(settings.location()) + "后重启 / calendar file " + coverage.missingFile() + " is missing";
    }

    /** Where an operator puts a new file: the source folder for the files shipped in the jar, else the directory. */
    static String whereToPut(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        if (base.startsWith("classpath")) {
            return "源码目录 src/main/resources/" + base.substring(base.indexOf(':') + 1)
                    + "（随程序打包，需重新构建和部署）";
        }
        return "目录 " + base.replaceFirst("^file:", "") + "（无需重新构建）";
    }
}
