package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped calendar (State Council schedules 2024-2026, provisional 2027), the fallback for years
 * without a file, and the refusal of bad calendar data.
 */
class WorkingDayCalendarTest {

    private final WorkingDayCalendar shipped = load("classpath:calendar/");

    private static WorkingDayCalendar load(String location) {
        try {
            return CalendarConfiguration.load(location);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNationalDayHolidayWeekIsSkipped() {
        assertThat(shipped.addWorkingDays(LocalDate.of(2024, 9, 30), 1)).isEqualTo(LocalDate.of(2024, 10, 8));
        assertThat(shipped.isWorkingDay(LocalDate.of(2024, 10, 7))).isFalse();
        assertThat(shipped.workingDaysBetween(LocalDate.of(2024, 9, 30), LocalDate.of(2024, 10, 8))).isEqualTo(1);
    }

    @Test
    void aSaturdayDeclaredAWorkingDayCounts() {
        assertThat(shipped.isWorkingDay(LocalDate.of(2024, 10, 12))).isTrue();
        assertThat(shipped.isWorkingDay(LocalDate.of(2024, 10, 13))).isFalse();
        assertThat(shipped.addWorkingDays(LocalDate.of(2024, 10, 11), 1)).isEqualTo(LocalDate.of(2024, 10, 12));
        assertThat(shipped.isWorkingDay(LocalDate.of(2025, 9, 28))).as("调休 Sunday").isTrue();
    }

    @Test
    void countingCrossesTheYearBoundary() {
        // 2026-01-01..03 are 元旦, Sunday 2026-01-04 is a working day.
        assertThat(shipped.addWorkingDays(LocalDate.of(2025, 12, 31), 1)).isEqualTo(LocalDate.of(2026, 1, 4));
        assertThat(shipped.addWorkingDays(LocalDate.of(2025, 12, 31), 2)).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void fiveWorkingDaysOfPublicNoticeAroundSpringFestival2026() {
        // Friday 2026-02-13; Saturday 02-14 is a working day, 02-15..23 Spring Festival.
        assertThat(shipped.addWorkingDays(LocalDate.of(2026, 2, 13), 5)).isEqualTo(LocalDate.of(2026, 2, 27));
    }

    @Test
    void aYearWithoutAFileCountsWeekendsAndStatutoryHolidays() {
        assertThat(shipped.years()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(shipped.provisionalYears()).containsExactly(2027);
        assertThat(shipped.lastYear()).isEqualTo(2027);
        assertThat(shipped.hasFile(2028)).isFalse();
        // Friday 2027-12-17 plus 11: ten working days to the end of 2027, then 元旦 on a Saturday.
        assertThat(shipped.addWorkingDays(LocalDate.of(2027, 12, 17), 11)).isEqualTo(LocalDate.of(2028, 1, 3));
        // 春节 2028: 除夕 Tuesday 01-25 to Friday 01-28.
        assertThat(shipped.addWorkingDays(LocalDate.of(2028, 1, 24), 1)).isEqualTo(LocalDate.of(2028, 1, 31));
        assertThat(shipped.workingDaysBetween(LocalDate.of(2027, 12, 31), LocalDate.of(2028, 1, 31))).isEqualTo(17);
        // 清明 Tuesday 2028-04-04; no 调休: the Saturday before stays a day off.
        assertThat(shipped.isWorkingDay(LocalDate.of(2028, 4, 4))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2028, 4, 1))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2028, 4, 5))).isTrue();
        // Before the first file too: 国庆 2023 on a Monday.
        assertThat(shipped.isWorkingDay(LocalDate.of(2023, 10, 2))).isFalse();
        assertThat(shipped.isWorkingDay(LocalDate.of(2023, 10, 9))).isTrue();
    }

    @Test
    void aProvisionalFileGovernsItsYearAndAGapBetweenFilesFallsBack() {
        WorkingDayCalendar calendar = WorkingDayCalendar.read(List.of(
                source("cn-2028.txt", "2028-01-01 holiday 元旦\n"),
                source("cn-2030.txt", "# provisional\n2030-01-01 holiday 元旦\n")));
        // The provisional 2030 file lists no 春节: Monday 2030-02-04 is a working day by it.
        assertThat(calendar.isWorkingDay(LocalDate.of(2030, 2, 4))).isTrue();
        assertThat(calendar.provisionalYears()).containsExactly(2030);
        // 2029 has no file: its 春节 (Tuesday 02-13) is computed.
        assertThat(calendar.isWorkingDay(LocalDate.of(2029, 2, 13))).isFalse();
        assertThat(calendar.lastYear()).isEqualTo(2030);
    }

    @Test
    void badLinesAreRefusedWithFileAndLine() {
        assertRefused("# 注释\n2024-13-01 holiday 元旦\n", "cn-2024.txt 第 2 行「2024-13-01 holiday 元旦」：日期应为 YYYY-MM-DD");
        assertRefused("2024-01-01 vacation\n", "第 1 行「2024-01-01 vacation」：类型应为 holiday（放假）或 workday（调休上班）");
        assertRefused("2024-01-01 holiday\n2025-01-01 holiday\n", "第 2 行「2025-01-01 holiday」：日期不属于 2024 年");
        assertRefused("2024-01-01 holiday\n2024-01-01 workday\n", "第 2 行「2024-01-01 workday」：2024-01-01 重复出现");
        assertRefused("2024-01-01\n", "应为「日期 holiday|workday 说明」");
        assertThatThrownBy(() -> WorkingDayCalendar.read(List.of())).hasMessageContaining("没有工作日历文件");
    }

    @Test
    void aCalendarDirectoryOutsideTheJarIsReadAndCheckedAtStart(@TempDir Path directory) throws Exception {
        Files.writeString(directory.resolve("cn-2030.txt"), "2030-01-01 holiday 元旦\n2030-01-05 workday 调休\n");
        WorkingDayCalendar edited = load("file:" + directory + "/");
        assertThat(edited.isWorkingDay(LocalDate.of(2030, 1, 1))).isFalse();
        assertThat(edited.isWorkingDay(LocalDate.of(2030, 1, 5))).isTrue();

        Files.writeString(directory.resolve("cn-2031.txt"), "2031-02-30 holiday 错误日期\n");
        assertThatThrownBy(() -> load("file:" + directory + "/")).hasMessageContaining("cn-2031.txt 第 1 行");
        assertThatThrownBy(() -> load("file:" + directory.resolve("empty") + "/")).hasMessageContaining("找不到工作日历文件");
    }

    private static void assertRefused(String content, String message) {
        assertThatThrownBy(() -> WorkingDayCalendar.read(List.of(source("cn-2024.txt", content))))
                .isInstanceOf(WorkingDayCalendar.CalendarDataException.class).hasMessageContaining(message);
    }

    static WorkingDayCalendar.Source source(String name, String content) {
        return new WorkingDayCalendar.Source(name, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)));
    }
}
