package org.ethnicunity.platform.contract;

/**
 * What followed a failing annual review (variable {@code followUp}, column
 * registry.annual_review.follow_up). Here, beside {@link AnnualGrade}, for the registry's pages and
 * the dossier, which may not depend on the annual review's package.
 */
public enum AnnualFollowUp implements Option {
    REINSPECTION("已启动复核复检"), EXIT("已启动退出程序"), ALREADY_RUNNING("已有动态管理程序在进行"), NONE("无");

    private final String label;

    AnnualFollowUp(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
