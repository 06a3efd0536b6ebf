package org.ethnicunity.platform.exit;

import org.ethnicunity.platform.contract.Option;

/** 领导小组决定: what the leading group decides about the title (form exit-decision). */
public enum ExitDecision implements Option {
    REVOKE("撤销命名"),
    WARN("保留称号并警告"),
    RECTIFY("责令整改");

    private final String label;

    ExitDecision(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
