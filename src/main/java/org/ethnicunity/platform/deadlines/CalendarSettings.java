package org.ethnicunity.platform.deadlines;

import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the working-day calendar's files are, and when to start asking for the next year's.
 *
 * @param location directory of the {@code cn-YYYY.txt} files: {@code classpath:calendar/} (shipped in
 *                 the jar) or a {@code file:} directory, editable without a rebuild
 * @param warnFrom from this day (MM-DD) of the last year that has a file, administrators are warned that
 *                 the next year's file is missing; the State Council publishes its schedule around November
 */
@ConfigurationProperties("app.calendar")
public record CalendarSettings(@DefaultValue("classpath:calendar/") String location,
                               @DefaultValue("10-01") String warnFrom) {

    /** Refuses a warning day that is not a day of the year, at start. */
    public CalendarSettings {
        warnFromDay(warnFrom);
    }

    public MonthDay warnFromDay() {
        return warnFromDay(warnFrom);
    }

    private static MonthDay warnFromDay(String value) {
        try {
            return MonthDay.parse("--" + value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("app.calendar.warn-from 应为 MM-DD，例如 10-01 / must be MM-DD: " + value);
        }
    }
}
