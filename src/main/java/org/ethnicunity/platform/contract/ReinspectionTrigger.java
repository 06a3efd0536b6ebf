package org.ethnicunity.platform.contract;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.ethnicunity.platform.engine.RuleViolation;

/**
 * Why a re-inspection runs. People (commission staff) start the first three; the platform starts
 * the others from another process (a failing annual review, an exit decision ordering rectification):
 * hence here, beside {@link ReinspectionStart}, not in {@code reinspection}.
 */
public enum ReinspectionTrigger implements Option {
    SCHEDULED("计划复核", true), COMPLAINT("实名投诉", true), COMMISSION_CALL("委托", true),
    ANNUAL_REVIEW_FAILED("年度评估不合格", false), EXIT_DECISION("退出程序决定责令整改", false);

    private final String label;
    private final boolean byPeople;

    ReinspectionTrigger(String label, boolean byPeople) {
        this.label = label;
        this.byPeople = byPeople;
    }

    @Override
    public String label() {
        return label;
    }

    public boolean byPeople() {
        return byPeople;
    }

    public static ReinspectionTrigger parse(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("reinspectionTrigger", "请选择「复核复检原因」（" + peopleLabels() + "）");
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(value.toString().trim())).findFirst()
                .orElseThrow(() -> new RuleViolation("reinspectionTrigger", "「" + value + "」不是有效的复核复检原因，可选："
                        + peopleLabels()));
    }

    public static String peopleLabels() {
        return Arrays.stream(values()).filter(ReinspectionTrigger::byPeople).map(t -> t.label + " " + t.name())
                .collect(Collectors.joining("、"));
    }
}
