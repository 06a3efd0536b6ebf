package org.ethnicunity.platform.deadlines;

import com.ibm.icu.impl.CalendarAstronomer;
import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ChineseCalendar;
import com.ibm.icu.util.TimeZone;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The public holidays that 《全国年节及纪念日放假办法》 (as revised in 2024, in force since 2025-01-01)
 * fixes for everybody: 元旦, 春节 (除夕 to 正月初三), 清明节, 劳动节 (1-2 May), 端午节, 中秋节 and 国庆节
 * (1-3 October): 13 days. The working-day calendar falls back to them for a year it has no file for.
 * Deliberately without 补休 and 调休: which weekdays make up for a holiday on a weekend, and which
 * weekend days are worked instead, the State Council decides anew each year.
 *
 * <p>Lunar dates come from ICU's Chinese calendar and 清明 from the sun's position, never from a table,
 * so any year works.
 */
final class StatutoryHolidays {

    /** The solar terms are dated in China Standard Time, as ICU's Chinese calendar does. */
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    /** 清明 is the day the sun's apparent ecliptic longitude reaches 15°. */
    private static final double QINGMING_LONGITUDE = Math.toRadians(15);

    private StatutoryHolidays() {
    }

    /** The statutory holidays of a Gregorian year, by date; a day two holidays share (中秋 on 1 October) is named for both. */
    static SortedMap<LocalDate, String> of(int year) {
        SortedMap<LocalDate, String> days = new TreeMap<>();
        add(days, LocalDate.of(year, 1, 1), "元旦");
        LocalDate springFestival = lunar(year, 1, 1);
        // 除夕 is the last day of 腊月, whether that month has 29 or 30 days.
        add(days, springFestival.minusDays(1), "春节（除夕）");
        for (int i = 0; i < 3; i++) {
            add(days, springFestival.plusDays(i), "春节");
        }
        add(days, qingming(year), "清明节");
        add(days, LocalDate.of(year, 5, 1), "劳动节");
        add(days, LocalDate.of(year, 5, 2), "劳动节");
        add(days, lunar(year, 5, 5), "端午节");
        for (int day = 1; day <= 3; day++) {
            add(days, LocalDate.of(year, 10, day), "国庆节");
        }
        add(days, lunar(year, 8, 15), "中秋节");
        return Collections.unmodifiableSortedMap(days);
    }

    private static void add(SortedMap<LocalDate, String> days, LocalDate date, String name) {
        days.merge(date, name, (a, b) -> a + "、" + b);
    }

    /**
     * A day of a non-leap month of the lunar year whose 正月初一 falls in the Gregorian {@code year}:
     * ICU's Chinese calendar says which lunation the month is (leap months included), {@link NewMoon}
     * on which day it begins.
     */
    static LocalDate lunar(int year, int month, int day) {
        ChineseCalendar calendar = new ChineseCalendar(TimeZone.GMT_ZONE);
        // 1 March is always after 正月初一 (21 January to 20 February): it fixes the lunar year without
        // depending on how an ICU version numbers Chinese years.
        calendar.setTimeInMillis(LocalDate.of(year, 3, 1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli());
        calendar.set(Calendar.MONTH, month - 1);
        calendar.set(Calendar.IS_LEAP_MONTH, 0);
        calendar.set(Calendar.DAY_OF_MONTH, 1);
        LocalDate firstAccordingToIcu = Instant.ofEpochMilli(calendar.getTimeInMillis()).atOffset(ZoneOffset.UTC).toLocalDate();
        return NewMoon.dayNear(firstAccordingToIcu).plusDays(day - 1);
    }

    /**
     * The solar term 清明, the day the sun's apparent longitude reaches 15°. From 1901 to 2100 by the
     * standard rule for the solar terms, ⌊Y·0.2422 + C⌋ − ⌊Y/4⌋ (Y the year within its century, C = 5.59
     * in the 20th century and 4.81 in the 21st), which gives the ephemeris's day for every one of those
     * years. Outside them from ICU's astronomer, the one its Chinese calendar uses: its sun is up to half
     * an hour early (it puts 清明 2071, at 00:10, on the day before), but it gives an answer for any year.
     */
    static LocalDate qingming(int year) {
        if (year >= 1900 && year < 2100) {
            int y = year % 100;
            double c = year < 2000 ? 5.59 : 4.81;
            return LocalDate.of(year, 4, (int) Math.floor(y * 0.2422 + c) - y / 4);
        }
        long searchFrom = LocalDate.of(year, 3, 20).atStartOfDay(CHINA).toInstant().toEpochMilli();
        long moment = new CalendarAstronomer(searchFrom).getSunTime(QINGMING_LONGITUDE, true);
        return Instant.ofEpochMilli(moment).atOffset(CHINA).toLocalDate();
    }
}
