package org.ethnicunity.platform.deadlines;

import org.ethnicunity.platform.engine.EngineClock;
import java.time.ZonedDateTime;
import java.util.Date;
import org.ethnicunity.platform.BusinessClock;
import org.springframework.stereotype.Component;

/**
 * Working-day arithmetic for the models' expressions, e.g. {@code ${workdays.fromNow(5)}} in a
 * timer or {@code camunda:dueDate}: the same time of day, so many working days later, in the
 * commissions' time zone.
 */
@Component("workdays")
public class WorkingDays {

    private final WorkingDayCalendar calendar;
    private final BusinessClock clock;

    WorkingDays(WorkingDayCalendar calendar, BusinessClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    public Date add(Date from, int workingDays) {
        ZonedDateTime start = from.toInstant().atZone(clock.zone());
        ZonedDateTime end = calendar.addWorkingDays(start.toLocalDate(), workingDays)
                .atTime(start.toLocalTime()).atZone(clock.zone());
        return Date.from(end.toInstant());
    }

    public Date fromNow(int workingDays) {
        return add(EngineClock.now(), workingDays);
    }
}
