package org.ethnicunity.platform.reportrequest;

import org.ethnicunity.platform.RuleViolation;

/** Whom a report request asks: the units of the selection, or the commissions below the launch region. */
enum Audience {
    UNITS("单位"), COMMISSIONS("下级民委");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Audience parse(String value) {
        for (Audience audience : values()) {
            if (audience.name().equals(value == null ? null : value.trim())) {
                return audience;
            }
        }
        throw new RuleViolation("audience", "请选择报送对象：UNITS（单位）或 COMMISSIONS（下级民委）"
                + (value == null || value.isBlank() ? "" : "，收到的「" + value + "」不是有效选项"));
    }
}
