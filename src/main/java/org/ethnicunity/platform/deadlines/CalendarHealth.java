package org.ethnicunity.platform.deadlines;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health/calendar}: DEGRADED from warn-from (1 October) of the last year that has a
 * calendar file until the next year's file is loaded, so monitoring sees in time that due dates will
 * soon count weekends and statutory holidays only. Years only, nothing personal.
 */
@Component("calendarHealthIndicator")
class CalendarHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "工作日历缺少下一年的数据 / next year's calendar file is missing");

    private final CalendarWatch watch;

    CalendarHealth(CalendarWatch watch) {
        this.watch = watch;
    }

    @Override
    public Health health() {
        CalendarCoverage coverage = watch.coverage();
        Health.Builder health = coverage.warning() ? Health.status(DEGRADED) : Health.up();
        health.withDetail("lastYear", coverage.lastYear())
                .withDetail("fallbackFrom", coverage.fallbackFrom())
                .withDetail("provisionalYears", coverage.provisionalYears())
                .withDetail("warnFrom", coverage.warnFrom().toString());
        if (coverage.warning()) {
            health.withDetail("missingFile", coverage.missingFile());
        }
        return health.build();
    }
}
