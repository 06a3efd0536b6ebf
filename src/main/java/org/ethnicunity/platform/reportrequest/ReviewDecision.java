package org.ethnicunity.platform.reportrequest;

import org.ethnicunity.platform.contract.Option;

/** 审阅结论 (variable {@code reviewDecision}): the requesting commission accepts the report or returns it. */
public enum ReviewDecision implements Option {
    ACCEPT("采用"), RETURN("退回修改");

    private final String label;

    ReviewDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
