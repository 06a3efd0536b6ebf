package org.ethnicunity.platform.exit;

import org.ethnicunity.platform.contract.Option;

/** 核实结论: whether the commission found the exit's grounds true (form exit-verification). */
public enum GroundsVerdict implements Option {
    CONFIRMED("事由属实，继续退出程序"),
    NOT_CONFIRMED("事由不成立，保留称号");

    private final String label;

    GroundsVerdict(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
