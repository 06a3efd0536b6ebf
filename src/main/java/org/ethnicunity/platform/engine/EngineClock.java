package org.ethnicunity.platform.engine;

import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock: what timers, due dates and history stamps read. The platform's "now"
 * ({@code BusinessClock}) reads it too, so that moving it (tests, a demonstration) moves the
 * registry's rules with the processes.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Date now() {
        return ClockUtil.getCurrentTime();
    }

    public static Instant instant() {
        return now().toInstant();
    }

    /** Stops the clock at this moment (timers and rules see it until {@link #reset()}). */
    public static void set(Date moment) {
        ClockUtil.setCurrentTime(moment);
    }

    /** Back to real time. */
    public static void reset() {
        ClockUtil.reset();
    }
}
