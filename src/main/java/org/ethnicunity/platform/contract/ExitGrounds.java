package org.ethnicunity.platform.contract;

import java.util.EnumSet;
import java.util.Set;

/**
 * 退出事由: why a designation goes through the exit process (variable {@code exitGrounds}). Here, not in
 * {@code exit}, because other processes hand a title to the exit with it ({@link ExitStart}).
 */
public enum ExitGrounds implements Option {
    VETO_EVENT("一票否决事件"),
    FRAUD("弄虚作假"),
    DISSOLVED("单位撤销或合并"),
    REINSPECTION_FAILED("复核复检不合格"),
    SECOND_CHECK_FAILED("整改复查不合格"),
    ANNUAL_REVIEW_FAILED_TWICE("连续两年年度评估不合格");

    /** Grounds that follow from a failed re-inspection: the re-inspection starts the exit itself. */
    public static final Set<ExitGrounds> FROM_REINSPECTION = EnumSet.of(REINSPECTION_FAILED, SECOND_CHECK_FAILED);

    private final String label;

    ExitGrounds(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
