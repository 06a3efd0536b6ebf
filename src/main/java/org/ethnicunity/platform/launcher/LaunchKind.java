package org.ethnicunity.platform.launcher;

import java.time.LocalDate;

/**
 * What a launch starts, one process instance per member of a selection. A lifecycle package
 * contributes its kind as a Spring bean (annual reviews, report requests, scheduled re-inspections);
 * the launcher owns selection, idempotency, batching and progress, and knows no lifecycle.
 */
public interface LaunchKind {

    /** Stored in the launch row and chosen on the start form: a {@link LaunchMatter}'s code. */
    String code();

    /** The option of the start form this kind answers. */
    default LaunchMatter matter() {
        return LaunchMatter.valueOf(code());
    }

    /** Chinese name for titles, progress and filters, e.g. 年度评估: the matter's. */
    default String label() {
        return matter().shortLabel();
    }

    /** Whether the person must give a title (a report request's is what members see); else one is made up. */
    default boolean needsTitle() {
        return false;
    }

    /** The process key each member's instance is started by. */
    String processKey();

    /**
     * The kind's own checks of a request, beyond the launcher's (region within the caller's scope,
     * known level and unit type, dates not in the past): throws {@link org.ethnicunity.platform.engine.RuleViolation}.
     */
    void check(LaunchRequest request, LocalDate today);

    /**
     * One SELECT giving the members: {@code member_key} (text, unique within a launch, e.g.
     * {@code designation:42}) and {@code payload} (jsonb object: the variables of the member's
     * instance besides the launch's own ({@link LaunchContract#memberVariables}), named as the
     * member's process contract names them, so the start needs no query per instance). Named
     * parameters the launcher binds: {@code :launchId}, {@code :regionCode} (the launch region), {@code :regionPattern} (a LIKE pattern
     * covering the region and its sub-regions), {@code :level}, {@code :unitType}, {@code :status}
     * (each may be NULL: "any"), {@code :year} (may be NULL), {@code :zone} (the business time zone), {@code :today} (the
     * business date: never the database's now(), which tests cannot pin).
     */
    String memberSql(LaunchRequest request);

    /**
     * How far the members' own work has come, from the kind's own tables: one aggregate SELECT,
     * correlated with the launch row {@code l} (of this kind: say {@code l.kind = '<code>'} so other
     * launches cost nothing), giving {@code submitted}, {@code graded} (graded or accepted) and
     * {@code overdue}; it may use {@code :today} (the business date) and {@code :now}. Null when
     * the members keep no such record (a scheduled re-inspection): the progress list shows 0.
     */
    default String progressSql() {
        return null;
    }

    /** The page that follows one launch of this kind (the progress list links to it). */
    default String page(long launchId) {
        return "/launches/" + launchId;
    }
}
