package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.ethnicunity.platform.deadlines.WorkingDayCalendarTest.source;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the warning about the next year's missing file is due, and the setting of its start. */
class CalendarCoverageTest {

    private static final MonthDay FIRST_OF_OCTOBER = new CalendarSettings("classpath:calendar/", "10-01").warnFromDay();

    private final WorkingDayCalendar upTo2027 = WorkingDayCalendar.read(List.of(
            source("cn-2026.txt", "2026-01-01 holiday 元旦\n"),
            source("cn-2027.txt", "# provisional\n2027-01-01 holiday 元旦\n")));

    @Test
    void fromTheFirstOfOctoberOfTheLastYearWithAFile() {
        assertThat(CalendarCoverage.of(upTo2027, LocalDate.of(2027, 9, 30), FIRST_OF_OCTOBER).warning()).isFalse();
        CalendarCoverage due = CalendarCoverage.of(upTo2027, LocalDate.of(2027, 10, 1), FIRST_OF_OCTOBER);
        assertThat(due.warning()).isTrue();
        assertThat(due.lastYear()).isEqualTo(2027);
        assertThat(due.fallbackFrom()).isEqualTo(2028);
        assertThat(due.missingFile()).isEqualTo("cn-2028.txt");
        assertThat(due.provisionalYears()).containsExactly(2027);
        assertThat(CalendarCoverage.of(upTo2027, LocalDate.of(2028, 3, 1), FIRST_OF_OCTOBER).warning())
                .as("still due once the fallback counts").isTrue();
    }

    @Test
    void theNextYearsFileEndsIt() {
        WorkingDayCalendar upTo2028 = WorkingDayCalendar.read(List.of(
                source("cn-2027.txt", "2027-01-01 holiday 元旦\n"), source("cn-2028.txt", "2028-01-01 holiday 元旦\n")));
        CalendarCoverage coverage = CalendarCoverage.of(upTo2028, LocalDate.of(2027, 12, 20), FIRST_OF_OCTOBER);
        assertThat(coverage.warning()).isFalse();
        assertThat(coverage.warnFrom()).isEqualTo(LocalDate.of(2028, 10, 1));
    }

    @Test
    void theStartIsASetting() {
        MonthDay midNovember = new CalendarSettings("classpath:calendar/", "11-15").warnFromDay();
        assertThat(CalendarCoverage.of(upTo2027, LocalDate.of(2027, 11, 14), midNovember).warning()).isFalse();
        assertThat(CalendarCoverage.of(upTo2027, LocalDate.of(2027, 11, 15), midNovember).warning()).isTrue();
        assertThatThrownBy(() -> new CalendarSettings("classpath:calendar/", "10/01"))
                .hasMessageContaining("app.calendar.warn-from 应为 MM-DD");
        assertThatThrownBy(() -> new CalendarSettings("classpath:calendar/", "13-01"))
                .hasMessageContaining("app.calendar.warn-from 应为 MM-DD");
    }

    @Test
    void theWarningSaysWhereTheFileGoes() {
        assertThat(CalendarWatch.whereToPut("classpath:calendar/")).startsWith("源码目录 src/main/resources/calendar/");
        assertThat(CalendarWatch.whereToPut("file:/etc/mzw/calendar")).startsWith("目录 /etc/mzw/calendar/（无需重新构建）");
    }
}
