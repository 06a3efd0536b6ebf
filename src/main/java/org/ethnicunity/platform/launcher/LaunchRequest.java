package org.ethnicunity.platform.launcher;

import java.time.LocalDate;

/**
 * What a commission asks to launch. {@code level}, {@code unitType}, {@code status} narrow the
 * selection (null: any); {@code regionCode} includes its sub-regions. {@code audience} only for
 * report requests: UNITS (the units of the selection) or COMMISSIONS (the commissions below).
 *
 * @param dueDate       the fixed date every member's first task is due (annual report, report)
 * @param finalDeadline annual review: after it, a report not submitted counts as missing
 */
public record LaunchRequest(String kind, String title, String regionCode, String level, String unitType,
                            String status, Integer year, LocalDate dueDate, LocalDate finalDeadline,
                            String instructions, String audience) {
}
