package org.ethnicunity.platform.reinspection;

import org.ethnicunity.platform.contract.Option;

/** 复查结论: the commission's decision on the rectification (form reinspection-second-check). */
public enum SecondCheckDecision implements Option {
    PASS("复查合格"),
    FAIL("复查不合格");

    private final String label;

    SecondCheckDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
