package org.ethnicunity.platform.contract;

/**
 * Where one designation's review of one year stands (registry.annual_review.status). Here, beside
 * {@link AnnualGrade}, for the registry's pages and the dossier, which may not depend on the annual
 * review's package.
 */
public enum AnnualReviewStatus implements Option {
    /** Waiting for the unit's report (also after the reviewer returned it). */
    OPEN("待提交"),
    /** Report in, waiting for the reviewer's grade. */
    SUBMITTED("已提交待评分"),
    GRADED("已评定"),
    /** No report by the final deadline: counts as failing. */
    NOT_SUBMITTED("逾期未提交"),
    /** The title ended (revoked, expired) before the review did, or never held at the start. */
    ENDED("称号终止、评估结束");

    private final String label;

    AnnualReviewStatus(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
