package org.ethnicunity.platform.launcher;

import org.ethnicunity.platform.contract.Option;

/**
 * 发起事项: what a launch starts (variable {@code launchKind}, stored in the launch row). Each is
 * contributed by its lifecycle as a {@link LaunchKind} bean; the options are named here because the
 * launch's start form offers them before any kind is asked.
 */
public enum LaunchMatter implements Option {
    ANNUAL_REVIEW("年度评估", "年度评估"),
    REPORT_REQUEST("工作报送", "工作报送"),
    REINSPECTION("计划复核（复核复检）", "计划复核");

    private final String label;
    private final String name;

    LaunchMatter(String label, String name) {
        this.label = label;
        this.name = name;
    }

    /** As the start form offers it. */
    @Override
    public String label() {
        return label;
    }

    /** The short name that launch titles, filters, lists and mails give it (计划复核（150500）). */
    public String shortLabel() {
        return name;
    }
}
