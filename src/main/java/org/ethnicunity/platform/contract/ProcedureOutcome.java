package org.ethnicunity.platform.contract;

/**
 * How a re-inspection or an exit ended ({@code registry.dynamic_procedure.outcome}, and the
 * processes' {@code reinspectionOutcome} / {@code outcome}): written by the lifecycle that closes the
 * procedure, shown by the registry's pages and the dossier with this one label.
 */
public enum ProcedureOutcome implements Option {
    /** The re-inspection (or the second check after rectification) passed. */
    RETAINED("保留称号"),
    /** The re-inspection or the second check failed: the exit follows. */
    FAILED("复核复检不合格，转入退出程序"),
    /** A veto event ended the re-inspection: the exit follows. */
    VETO("一票否决，转入退出程序"),
    /** The exit's leading group ordered rectification: the re-inspection's rectification follows. */
    RECTIFY("限期整改"),
    REVOKED("撤销命名"),
    WARNED("保留称号并予警告"),
    /** The exit's grounds did not hold up. */
    NOT_CONFIRMED("事由不成立，保留称号"),
    /** The process instance was deleted or cancelled before it closed its procedure. */
    CANCELLED("流程被终止，未完成");

    private final String label;

    ProcedureOutcome(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    /** The label of a stored code; an unknown code (an older release's) is shown as it is. */
    public static String labelOf(String code) {
        for (ProcedureOutcome outcome : values()) {
            if (outcome.name().equals(code)) {
                return outcome.label;
            }
        }
        return code;
    }
}
