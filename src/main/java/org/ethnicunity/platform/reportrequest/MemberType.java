package org.ethnicunity.platform.reportrequest;

import org.ethnicunity.platform.contract.Option;

/** Who is asked for a report (variable {@code memberType}, column registry.report_submission.member_type). */
public enum MemberType implements Option {
    UNIT("单位"), COMMISSION("下级民委");

    private final String label;

    MemberType(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The label of a stored code; an unknown code as it is. */
    static String label(String code) {
        for (MemberType type : values()) {
            if (type.name().equals(code)) {
                return type.label;
            }
        }
        return code;
    }
}
