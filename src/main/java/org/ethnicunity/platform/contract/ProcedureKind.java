package org.ethnicunity.platform.contract;

/**
 * The two dynamic-management procedures a title goes through (动态管理): the registry records each
 * run of one ({@code registry.dynamic_procedure.kind}), the pages and the dossier name it. Here, in
 * the shared contract, because the lifecycles open them and the registry and reports show them.
 */
public enum ProcedureKind implements Option {
    REINSPECTION("复核复检"),
    EXIT("退出程序");

    private final String label;

    ProcedureKind(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The label of a stored code; an unknown code (an older release's) is shown as it is. */
    public static String labelOf(String code) {
        for (ProcedureKind kind : values()) {
            if (kind.name().equals(code)) {
                return kind.label;
            }
        }
        return code;
    }
}
