package org.ethnicunity.platform.deadlines;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * How far the calendar's files reach, seen on a given day. The warning is due from warn-from
 * (1 October) of the last year that has a file until a later year's file is loaded, and stays due
 * once that last year is over: dates after it are then already counted by the fallback.
 *
 * @param today            the business day this was seen on
 * @param lastYear         the last year that has a file
 * @param provisionalYears years whose file is provisional (statutory holidays only)
 * @param warnFrom         the day the warning starts
 */
record CalendarCoverage(LocalDate today, int lastYear, Set<Integer> provisionalYears, LocalDate warnFrom) {

    static CalendarCoverage of(WorkingDayCalendar calendar, LocalDate today, MonthDay warnFrom) {
        int last = calendar.lastYear();
        return new CalendarCoverage(today, last, calendar.provisionalYears(), warnFrom.atYear(last));
    }

    boolean warning() {
        return !today.isBefore(warnFrom);
    }

    /** The first year after the files: from here on, weekends and statutory holidays only. */
    int fallbackFrom() {
        return lastYear + 1;
    }

    String missingFile() {
        return "cn-" + fallbackFrom() + ".txt";
    }
}
