package org.ethnicunity.platform.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

/**
 * The fallback's statutory holidays (rules of 2025). The expected dates were checked against two
 * independent sources, lunar-javascript 1.7.7 (ephemeris) and chinese-days 1.5.7 (tables), which agree
 * on all of them; ICU's Chinese calendar alone starts 正月 of 2027 and 2030 a day late.
 */
class StatutoryHolidaysTest {

    private final WorkingDayCalendar shipped = load();

    private static WorkingDayCalendar load() {
        try {
            return CalendarConfiguration.load("classpath:calendar/");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyComputedHolidayOf2025To2027IsAHolidayInTheShippedFiles() {
        for (int year = 2025; year <= 2027; year++) {
            SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(year);
            assertThat(holidays).as("13 days a year since 2025").hasSize(13);
            holidays.forEach((date, name) -> assertThat(shipped.listsAsHoliday(date)).as(date + " " + name).isTrue());
        }
    }

    @Test
    void in2024AllButNewYearsEveWereHolidaysTooUnderTheOldRules() {
        // Before the 2024 revision 除夕 was no holiday and 劳动节 one day; the 2024 schedule's five-day
        // break still covered 2 May, and its 除夕 (Friday 9 February) was a working day.
        LocalDate newYearsEve = LocalDate.of(2024, 2, 9);
        StatutoryHolidays.of(2024).forEach((date, name) -> {
            if (!date.equals(newYearsEve)) {
                assertThat(shipped.listsAsHoliday(date)).as(date + " " + name).isTrue();
            }
        });
        assertThat(StatutoryHolidays.of(2024)).containsEntry(newYearsEve, "春节（除夕）");
        assertThat(shipped.isWorkingDay(newYearsEve)).isTrue();
    }

    @Test
    void theHolidaysOf2028() {
        assertThat(StatutoryHolidays.of(2028)).containsExactlyEntriesOf(new java.util.TreeMap<>(Map.ofEntries(
                Map.entry(LocalDate.of(2028, 1, 1), "元旦"),
                Map.entry(LocalDate.of(2028, 1, 25), "春节（除夕）"),
                Map.entry(LocalDate.of(2028, 1, 26), "春节"),
                Map.entry(LocalDate.of(2028, 1, 27), "春节"),
                Map.entry(LocalDate.of(2028, 1, 28), "春节"),
                Map.entry(LocalDate.of(2028, 4, 4), "清明节"),
                Map.entry(LocalDate.of(2028, 5, 1), "劳动节"),
                Map.entry(LocalDate.of(2028, 5, 2), "劳动节"),
                // 2028 has a leap fifth month: 端午 is in the first one.
                Map.entry(LocalDate.of(2028, 5, 28), "端午节"),
                Map.entry(LocalDate.of(2028, 10, 1), "国庆节"),
                Map.entry(LocalDate.of(2028, 10, 2), "国庆节"),
                Map.entry(LocalDate.of(2028, 10, 3), "国庆节、中秋节"))));
    }

    @Test
    void lunarDatesOfLaterYears() {
        // 除夕 is the last day of 腊月, a 30th (2030) or a 29th (2032).
        assertLunar(2029, "2029-02-12", "2029-02-13", "2029-04-04", "2029-06-16", "2029-09-22");
        assertLunar(2030, "2030-02-02", "2030-02-03", "2030-04-05", "2030-06-05", "2030-09-12");
        assertLunar(2032, "2032-02-10", "2032-02-11", "2032-04-04", "2032-06-12", "2032-09-19");
        // 2033 has its leap month after the eleventh (the "2033 problem" of the old tables).
        assertLunar(2033, "2033-01-30", "2033-01-31", "2033-04-04", "2033-06-01", "2033-09-08");
        assertLunar(2035, "2035-02-07", "2035-02-08", "2035-04-05", "2035-06-10", "2035-09-16");
    }

    @Test
    void beyondTheSolarTermRuleTheSunsPositionGivesQingming() {
        assertThat(StatutoryHolidays.qingming(2099)).isEqualTo(LocalDate.of(2099, 4, 4));
        assertThat(StatutoryHolidays.qingming(2100)).isEqualTo(LocalDate.of(2100, 4, 5));
        assertThat(StatutoryHolidays.qingming(2150)).isEqualTo(LocalDate.of(2150, 4, 5));
        assertLunar(2100, "2100-02-08", "2100-02-09", "2100-04-05", "2100-06-12", "2100-09-18");
    }

    @Test
    void midAutumnOnNationalDayIsOneDayOffNotTwo() {
        SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(2031);
        assertThat(holidays).containsEntry(LocalDate.of(2031, 10, 1), "国庆节、中秋节").hasSize(12);
    }

    @Test
    void anyYearGivesAnAnswer() {
        for (int year : new int[] {1, 1600, 1916, 2200, 3000, 9999}) {
            assertThat(StatutoryHolidays.of(year)).as(String.valueOf(year)).hasSizeBetween(12, 13)
                    .containsKeys(LocalDate.of(year, 1, 1), LocalDate.of(year, 10, 1));
        }
    }

    @Test
    void aNewMoonNearMidnightFallsOnTheRightDay() {
        // 2027-02-06 23:56 and 2030-02-03 00:07 China Standard Time.
        assertThat(NewMoon.dayNear(LocalDate.of(2027, 2, 7))).isEqualTo(LocalDate.of(2027, 2, 6));
        assertThat(NewMoon.dayNear(LocalDate.of(2030, 2, 2))).isEqualTo(LocalDate.of(2030, 2, 3));
    }

    private static void assertLunar(int year, String newYearsEve, String springFestival, String qingming,
                                    String dragonBoat, String midAutumn) {
        SortedMap<LocalDate, String> holidays = StatutoryHolidays.of(year);
        assertThat(holidays).as(year + " 除夕").containsEntry(LocalDate.parse(newYearsEve), "春节（除夕）");
        assertThat(holidays).as(year + " 春节").containsEntry(LocalDate.parse(springFestival), "春节");
        assertThat(holidays).as(year + " 清明").containsEntry(LocalDate.parse(qingming), "清明节");
        assertThat(holidays).as(year + " 端午").containsEntry(LocalDate.parse(dragonBoat), "端午节");
        assertThat(holidays).as(year + " 中秋").containsEntry(LocalDate.parse(midAutumn), "中秋节");
    }
}
