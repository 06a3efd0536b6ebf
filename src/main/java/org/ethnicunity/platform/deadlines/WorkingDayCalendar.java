package org.ethnicunity.platform.deadlines;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official Chinese working-day calendar: weekends off, public holidays off, and the weekend days
 * declared working days (调休) on. Built from one text file per year (see calendar/README.md);
 * asking about a year it has no file for is an error, never a guess.
 */
public final class WorkingDayCalendar {

    private static final Pattern FILE = Pattern.compile("cn-(\\d{4})\\.txt");

    private final Map<LocalDate, Boolean> exceptions;
    private final Set<Integer> years;
    private final Set<Integer> provisionalYears;

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
        requireYear(date);
        Boolean exception = exceptions.get(date);
        if (exception != null) {
            return exception;
        }
        return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
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

    public Set<Integer> years() {
        return years;
    }

    /**
     * Years whose file starts with "# provisional": statutory holidays only, before the State
     * Council's schedule (with its 调休) is published. Logged as a warning at start.
     */
    public Set<Integer> provisionalYears() {
        return provisionalYears;
    }

    private void requireYear(LocalDate date) {
        if (!years.contains(date.getYear())) {
            throw new CalendarDataException("工作日历没有 " + date.getYear() + " 年的数据（已有：" + years
                    + "），请按国务院办公厅当年节假日安排补充 cn-" + date.getYear() + ".txt / no calendar for "
                    + date.getYear());
        }
    }

    /** Bad or missing calendar data; the message names the file and line or the missing year. */
    public static class CalendarDataException extends RuntimeException {

        public CalendarDataException(String message) {
            super(message);
        }
    }
}
