package org.ethnicunity.platform.annualreview;

/** Where one designation's review of one year stands (registry.annual_review.status). */
enum ReviewStatus {
    /** Waiting for the unit's report (also after the reviewer returned it). */
    OPEN,
    /** Report in, waiting for the reviewer's grade. */
    SUBMITTED,
    GRADED,
    /** No report by the final deadline: counts as failing. */
    NOT_SUBMITTED,
    /** The title ended (revoked, expired) before the review did, or never held at the start. */
    ENDED
}
