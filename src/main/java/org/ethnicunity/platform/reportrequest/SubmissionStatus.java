package org.ethnicunity.platform.reportrequest;

import org.ethnicunity.platform.engine.RuleViolation;

/** Where one member's report stands (registry.report_submission.status). */
enum SubmissionStatus {
    REQUESTED("待报送"), SUBMITTED("已报送，待审阅"), RETURNED("退回修改"), ACCEPTED("已采用"),
    /** The instance ended without an accepted report: cancelled or deleted by an administrator or the launcher. */
    ENDED("已终止");

    private final String label;

    SubmissionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status named in a filter (?status=SUBMITTED); null for none. */
    static SubmissionStatus filter(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        for (SubmissionStatus status : values()) {
            if (status.name().equalsIgnoreCase(name.trim())) {
                return status;
            }
        }
        StringBuilder known = new StringBuilder();
        for (SubmissionStatus status : values()) {
            known.append(known.isEmpty() ? "" : "、").append(status.name()).append(' ').append(status.label);
        }
        throw new RuleViolation("status", "未知的报送状态：" + name + "（可选：" + known + "）");
    }
}
