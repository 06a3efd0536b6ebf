package org.ethnicunity.platform.annualreview;

import org.ethnicunity.platform.contract.Option;

/** 评审结论 on the reviewer's sheet (variable {@code gradingDecision}): grade the report, or return it for more material. */
public enum GradingDecision implements Option {
    GRADE("评定等级"), RETURN("退回补充材料");

    private final String label;

    GradingDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
