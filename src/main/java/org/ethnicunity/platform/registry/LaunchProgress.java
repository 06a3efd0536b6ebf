package org.ethnicunity.platform.registry;

import java.util.Map;

/**
 * The launches (批量发起) as the registry's progress list shows them, given by the launcher, which
 * asks each kind for its own counts and labels: the registry pages and scopes the list but reads
 * neither the launcher's tables nor those of the lifecycles whose members it counts.
 */
public interface LaunchProgress {

    /** The kinds a launch may be of, code to the name lists give it, in the start form's order. */
    Map<String, String> kinds();

    /** The label of a launch's state (RUNNING: 发起中 …). */
    String stateLabel(String state);

    /** The launches' table with the alias {@code l}; a condition may name {@code l.region_code} and {@code l.kind}. */
    String from();

    /**
     * One row per launch of {@link #from()} {@code where}: the launch's columns ({@code id}, {@code kind},
     * {@code title}, {@code region_code}, {@code state}, {@code created_at}, {@code due_date}, {@code total})
     * and {@code started}, {@code submitted}, {@code graded}, {@code overdue}, newest first. Adds the
     * parameters it needs to {@code params}.
     */
    String select(String where, Map<String, Object> params);

    /** The page that follows one launch. */
    String page(String kind, long launchId);
}
