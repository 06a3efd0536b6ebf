package org.ethnicunity.platform.launcher;

import java.time.LocalDate;

/**
 * What a launch starts, one process instance per member of a selection. A lifecycle package
 * contributes its kind as a Spring bean (annual reviews, report requests, scheduled re-inspections);
 * the launcher owns selection, idempotency, batching and progress, and knows no lifecycle.
 */
public interface LaunchKind {

    /** Stored in the launch row and chosen on the start form: ANNUAL_REVIEW, REPORT_REQUEST, REINSPECTION. */
    String code();

    /** Chinese name for forms, progress and filters, e.g. 年度评估. */
    String label();

    /** Whether the person must give a title (a report request's is what members see); else one is made up. */
    default boolean needsTitle() {
        return false;
    }

    /** The process key each member's instance is started by. */
    String processKey();

    /**
     * The kind's own checks of a request, beyond the launcher's (region within the caller's scope,
     * known level and unit type, dates not in the past): throws {@link org.ethnicunity.platform.RuleViolation}.
     */
    void check(LaunchRequest request, LocalDate today);

    /**
     * One SELECT giving the members: {@code member_key} (text, unique within a launch, e.g.
     * {@code designation:42}) and {@code payload} (jsonb object: the variables of the member's
     * instance besides the launch's own, so the start needs no query per instance). Named
     * parameters the launcher binds: {@code :launchId}, {@code :regionCode} (the launch region), {@code :regionPattern} (a LIKE pattern
     * covering the region and its sub-regions), {@code :level}, {@code :unitType}, {@code :status}
     * (each may be NULL: "any"), {@code :year} (may be NULL), {@code :zone} (the business time zone), {@code :today} (the
     * business date: never the database's now(), which tests cannot pin).
     */
    String memberSql(LaunchRequest request);
}
