package org.ethnicunity.platform.registry;

import java.util.EnumSet;
import java.util.Set;

/**
 * States of a designation (see DOMAIN.md); DECLINED closes an application that was not named.
 * UNDER_REINSPECTION and IN_EXIT are the dynamic-management procedures: the unit still holds the
 * title while they run. Which state may follow which is
 * {@link org.ethnicunity.platform.registry.designation.DesignationTransitions}.
 */
public enum DesignationStatus {
    CULTIVATING("培育"), APPLYING("申报"), UNDER_REVIEW("评审中"), IN_NOTICE("公示"), NAMED("已命名"),
    UNDER_REINSPECTION("复核复检中"), RECTIFYING("整改中"), IN_EXIT("退出程序中"), REVOKED("已撤销"),
    EXPIRED("期满"), DECLINED("未通过");

    /** States in which the unit holds, or is on its way to, the title of a level. */
    public static final Set<DesignationStatus> ACTIVE = EnumSet.of(CULTIVATING, APPLYING, UNDER_REVIEW, IN_NOTICE, NAMED,
            UNDER_REINSPECTION, RECTIFYING, IN_EXIT);
    /** States that count against a campaign's quota: approved by the leading group. */
    public static final Set<DesignationStatus> APPROVED = EnumSet.of(IN_NOTICE, NAMED, UNDER_REINSPECTION, RECTIFYING,
            IN_EXIT);
    /** States in which the unit holds the title. */
    public static final Set<DesignationStatus> HOLDING = EnumSet.of(NAMED, UNDER_REINSPECTION, RECTIFYING, IN_EXIT);

    private final String label;

    DesignationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
