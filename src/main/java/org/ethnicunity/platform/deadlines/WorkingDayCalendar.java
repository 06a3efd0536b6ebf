package org.ethnicunity.platform.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The official Chinese working-day calendar: weekends off, public holidays off, and the weekend days
 * declared working days (调休) on. Built from one text file per year (see calendar/README.md). A year
 * without a file never fails a due date: it counts weekends and the statutory holidays
 * ({@link StatutoryHolidays}) as days off, without the 调休 and 补休 only the State Council's yearly
 * notice can say, and is logged as a warning the first time it is asked about.
 */
public final class WorkingDayCalendar {

    private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);
    private static final Pattern FILE = Pattern.compile("cn-(\\d{4})\\.txt");

    private final Map<LocalDate, Boolean> exceptions;
    private final Set<Integer> years;
    private final Set<Integer> provisionalYears;
    /** Statutory holidays of the years without a file, computed once each. */
    private final Map<Integer, Set<LocalDate>> fallback = new ConcurrentHashMap<>();

    private WorkingDayCalendar(Map<LocalDate, Boolean> exceptions, Set<Integer> years, Set<Integer> provisionalYears) {
        this.exceptions = exceptions;
        this.years = years;
        this.provisionalYears = provisionalYears;
    }

    /** A source file of the calendar: its name ({@code cn-YYYY.txt}) and content. */
    public record Source(String name, InputStream content) {
    }

    /**
     * Reads the files; a bad line is refused with the file and line number, so bad data stops the
     * application at start instead of producing wrong due dates later.
     */
    public static WorkingDayCalendar read(List<Source> sources) {
        if (sources.isEmpty()) {
            throw new CalendarDataException("没有工作日历文件 cn-YYYY.txt / no calendar file");
        }
        Map<LocalDate, Boolean> exceptions = new HashMap<>();
        Set<Integer> years = new TreeSet<>();
        Set<Integer> provisional = new TreeSet<>();
        for (Source source : sources) {
            Matcher name = FILE.matcher(source.name());
            if (!name.matches()) {
                throw new CalendarDataException(source.name() + "：文件名应为 cn-YYYY.txt");
            }
            int year = Integer.parseInt(name.group(1));
            if (!years.add(year)) {
                throw new CalendarDataException(source.name() + "：" + year + " 年的日历重复");
            }
            String text;
            try (InputStream in = source.content()) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new CalendarDataException(source.name() + "：无法读取（" + e.getMessage() + "）");
            }
            if (text.startsWith("# provisional")) {
                provisional.add(year);
            }
            String[] lines = text.split("\\R");
            for (int i = 0; i < lines.length; i++) {
                readLine(source.name(), i + 1, lines[i], year, exceptions);
            }
        }
        return new WorkingDayCalendar(exceptions, years, provisional);
    }

    private static void readLine(String file, int number, String line, int year, Map<LocalDate, Boolean> exceptions) {
        String content = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
        if (content.isBlank()) {
            return;
        }
        String[] parts = content.trim().split("\\s+", 3);
        String where = file + " 第 " + number + " 行「" + line.trim() + "」：";
        if (parts.length < 2) {
            throw new CalendarDataException(where + "应为「日期 holiday|workday 说明」");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[0]);
        } catch (DateTimeParseException e) {
            throw new CalendarDataException(where + "日期应为 YYYY-MM-DD");
        }
        if (date.getYear() != year) {
            throw new CalendarDataException(where + "日期不属于 " + year + " 年");
        }
        boolean working = switch (parts[1]) {
            case "holiday" -> false;
            case "workday" -> true;
            default -> throw new CalendarDataException(where + "类型应为 holiday（放假）或 workday（调休上班）");
        };
        if (exceptions.put(date, working) != null) {
            throw new CalendarDataException(where + date + " 重复出现");
        }
    }

    public boolean isWorkingDay(LocalDate date) {
        if (hasFile(date.getYear())) {
            Boolean exception = exceptions.get(date);
            if (exception != null) {
                return exception;
            }
        } else if (fallback.computeIfAbsent(date.getYear(), WorkingDayCalendar::statutoryHolidays).contains(date)) {
            return false;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private static Set<LocalDate> statutoryHolidays(int year) {
        log.warn("工作日历没有 {} 年的文件 cn-{}.txt：该年按周末和法定节假日推算工作日（不含调休上班日和补休），"
                + "请按国务院办公厅当年节假日安排补充 / no calendar file for {}: weekends and statutory holidays only",
                year, year, year);
        return StatutoryHolidays.of(year).keySet();
    }

    /** The date {@code workingDays} working days after {@code start} (start itself not counted). */
    public LocalDate addWorkingDays(LocalDate start, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("workingDays must not be negative: " + workingDays);
        }
        LocalDate day = start;
        int counted = 0;
        while (counted < workingDays) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }

    /** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not later. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /** The years that have a file. */
    public Set<Integer> years() {
        return years;
    }

    public boolean hasFile(int year) {
        return years.contains(year);
    }

    /** The last year that has a file: from the next one on, the fallback counts. */
    public int lastYear() {
        return Collections.max(years);
    }

    /** Whether the year's file names {@code date} a holiday (not merely a weekend day). */
    boolean listsAsHoliday(LocalDate date) {
        return Boolean.FALSE.equals(exceptions.get(date));
    }

    /**
     * Years whose file starts with "# provisional": statutory holidays only, before the State
     * Council's schedule (with its 调休) is published. Logged as a warning at start.
     */
    public Set<Integer> provisionalYears() {
        return provisionalYears;
    }

    /** Bad calendar data; the message names the file and line. */
    public static class CalendarDataException extends RuntimeException {

        public CalendarDataException(String message) {
            super(message);
        }
    }
}
