package org.ethnicunity.platform.launcher;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One launch as stored, with its progress counted from its members. */
public record Launch(long id, String kind, String title, String regionCode, String level, String unitType,
                     String statusFilter, String audience, Integer reviewYear, LocalDate dueDate,
                     LocalDate finalDeadline, String instructions, String state, int total, String launchedBy,
                     String processInstanceId, String filterId, OffsetDateTime createdAt, OffsetDateTime endedAt,
                     Progress progress) {

    /** Members by state; {@code pending} are still to start. */
    public record Progress(int pending, int started, int failed, int cancelled) {
    }

    public boolean running() {
        return LaunchState.RUNNING.name().equals(state);
    }
}
