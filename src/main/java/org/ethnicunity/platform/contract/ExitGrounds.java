package org.ethnicunity.platform.contract;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 退出事由: why a designation goes through the exit process (variable {@code exitGrounds}). Here, not in
 * {@code exit}, because other processes hand a title to the exit with it ({@link ExitStart}).
 */
public enum ExitGrounds implements Option {
    VETO_EVENT("一票否决事件", true),
    FRAUD("弄虚作假", true),
    DISSOLVED("单位撤销或合并", true),
    REINSPECTION_FAILED("复核复检不合格", false),
    SECOND_CHECK_FAILED("整改复查不合格", false),
    ANNUAL_REVIEW_FAILED_TWICE("连续两年年度评估不合格", false);

    /** Grounds that follow from a failed re-inspection: the re-inspection starts the exit itself. */
    public static final Set<ExitGrounds> FROM_REINSPECTION = EnumSet.of(REINSPECTION_FAILED, SECOND_CHECK_FAILED);

    private final String label;
    private final boolean byPeople;

    ExitGrounds(String label, boolean byPeople) {
        this.label = label;
        this.byPeople = byPeople;
    }

    /**
     * Whether a person (commission or supervision staff) may start an exit on these grounds; the others
     * only the platform raises, from the process that found them (a re-inspection, the annual review).
     */
    public boolean byPeople() {
        return byPeople;
    }

    /** The grounds a person may choose, as the start form lists them. */
    public static String peopleLabels() {
        return Arrays.stream(values()).filter(ExitGrounds::byPeople).map(ExitGrounds::label)
                .collect(Collectors.joining("、"));
    }

    @Override
    public String label() {
        return label;
    }
}
