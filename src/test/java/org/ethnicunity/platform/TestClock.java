package org.ethnicunity.platform;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The tests' "now": a fixed start date (a Monday at 10:00 in the commissions' time zone, or the
 * date given with {@code -Dtest.today=2028-03-01}) from which the engine's clock runs on, so that
 * no test depends on the day the suite runs and timestamps still advance. Set before the Spring
 * context starts, so that the demo data's campaigns belong to the pinned year.
 */
public final class TestClock {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate TODAY = LocalDate.parse(System.getProperty("test.today", "2026-06-15"));
    public static final ZonedDateTime START = ZonedDateTime.of(TODAY, LocalTime.of(10, 0), ZONE);

    private TestClock() {
    }

    /** Back to the pinned date, running on from its start; call instead of {@code ClockUtil.reset()}. */
    public static void pin() {
        ClockUtil.offset(START.toInstant().toEpochMilli() - System.currentTimeMillis());
    }

    public static LocalDate today() {
        return TODAY;
    }
}
