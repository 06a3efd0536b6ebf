package org.ethnicunity.platform.launcher;

import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.Option;

/**
 * 报送对象: whom a report request asks, the units of the selection or the commissions below the
 * launch region. Chosen on the launch's start form, hence the launcher's; the report request reads it.
 */
public enum Audience implements Option {
    UNITS("所选范围内的单位"), COMMISSIONS("下级民委");

    private final String label;

    Audience(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The audience of a launch request (its stored code); refused with the options when missing or unknown. */
    public static Audience parse(String value) {
        Audience audience = value == null ? null : LaunchContract.AUDIENCE.read(value.trim().isEmpty() ? null : value);
        if (audience == null) {
            throw new RuleViolation("audience", "请选择报送对象：UNITS（单位）或 COMMISSIONS（下级民委）");
        }
        return audience;
    }
}
