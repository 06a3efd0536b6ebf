package org.ethnicunity.platform;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.ethnicunity.platform.engine.EngineClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Today" in the commissions' time zone, read from the engine's clock so that tests which move
 * {@link EngineClock} move the registry's rules (windows, lockouts, expiry) with the processes.
 */
@Component
public class BusinessClock {

    private final ZoneId zone;

    public BusinessClock(@Value("${app.time-zone:Asia/Shanghai}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public LocalDate today() {
        return now().toLocalDate();
    }

    public OffsetDateTime now() {
        return EngineClock.now().toInstant().atZone(zone).toOffsetDateTime();
    }

    public ZoneId zone() {
        return zone;
    }
}
