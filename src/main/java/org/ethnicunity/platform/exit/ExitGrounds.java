package org.ethnicunity.platform.exit;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.ethnicunity.platform.RuleViolation;

/** 退出事由: why a designation goes through the exit process (variable {@code exitGrounds}). */
enum ExitGrounds {
    VETO_EVENT("一票否决事件"),
    FRAUD("弄虚作假"),
    DISSOLVED("单位撤销或合并"),
    REINSPECTION_FAILED("复核复检不合格"),
    SECOND_CHECK_FAILED("整改复查不合格"),
    ANNUAL_REVIEW_FAILED_TWICE("连续两年年度评估不合格");

    /** Grounds that follow from a failed re-inspection: the re-inspection starts the exit itself. */
    static final Set<ExitGrounds> FROM_REINSPECTION = EnumSet.of(REINSPECTION_FAILED, SECOND_CHECK_FAILED);

    final String label;

    ExitGrounds(String label) {
        this.label = label;
    }

    static ExitGrounds of(Object code) {
        return Arrays.stream(values()).filter(g -> g.name().equals(code == null ? null : code.toString().trim()))
                .findFirst().orElseThrow(() -> new RuleViolation("exitGrounds", "请选择退出事由（"
                        + String.join("、", Arrays.stream(values()).map(g -> g.label).toList()) + "）"
                        + (code == null ? "" : "，收到的「" + code + "」不是有效选项")));
    }
}
