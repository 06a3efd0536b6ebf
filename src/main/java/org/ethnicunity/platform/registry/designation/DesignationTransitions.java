package org.ethnicunity.platform.registry.designation;

import static org.ethnicunity.platform.registry.DesignationStatus.APPLYING;
import static org.ethnicunity.platform.registry.DesignationStatus.CULTIVATING;
import static org.ethnicunity.platform.registry.DesignationStatus.DECLINED;
import static org.ethnicunity.platform.registry.DesignationStatus.EXPIRED;
import static org.ethnicunity.platform.registry.DesignationStatus.IN_EXIT;
import static org.ethnicunity.platform.registry.DesignationStatus.IN_NOTICE;
import static org.ethnicunity.platform.registry.DesignationStatus.NAMED;
import static org.ethnicunity.platform.registry.DesignationStatus.RECTIFYING;
import static org.ethnicunity.platform.registry.DesignationStatus.REVOKED;
import static org.ethnicunity.platform.registry.DesignationStatus.UNDER_REINSPECTION;
import static org.ethnicunity.platform.registry.DesignationStatus.UNDER_REVIEW;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.registry.DesignationStatus;

/**
 * The designation's life as a state machine: the one place that says which state may follow which.
 * Every process changes a designation through
 * {@link org.ethnicunity.platform.registry.RegistryService}, which asks here first.
 * <pre>
 * CULTIVATING → APPLYING → UNDER_REVIEW → IN_NOTICE → NAMED          (nomination; DECLINED from each step)
 * NAMED → UNDER_REINSPECTION → NAMED | RECTIFYING | IN_EXIT           (re-inspection)
 * RECTIFYING → NAMED | IN_EXIT                                        (second check after rectification)
 * NAMED | UNDER_REINSPECTION | RECTIFYING → IN_EXIT                   (exit: failed check, veto event, fraud, dissolution)
 * IN_EXIT → REVOKED | NAMED (kept with a warning) | RECTIFYING        (the granting body's decision)
 * NAMED → EXPIRED                                                     (validity over; never during a procedure)
 * </pre>
 * REVOKED, EXPIRED and DECLINED are final: the unit applies again for a new designation.
 */
public final class DesignationTransitions {

    private static final Map<DesignationStatus, Set<DesignationStatus>> NEXT = new EnumMap<>(DesignationStatus.class);

    static {
        NEXT.put(CULTIVATING, EnumSet.of(APPLYING, DECLINED));
        NEXT.put(APPLYING, EnumSet.of(UNDER_REVIEW, DECLINED));
        NEXT.put(UNDER_REVIEW, EnumSet.of(IN_NOTICE, DECLINED));
        NEXT.put(IN_NOTICE, EnumSet.of(NAMED, DECLINED));
        NEXT.put(NAMED, EnumSet.of(UNDER_REINSPECTION, IN_EXIT, EXPIRED));
        NEXT.put(UNDER_REINSPECTION, EnumSet.of(NAMED, RECTIFYING, IN_EXIT));
        NEXT.put(RECTIFYING, EnumSet.of(NAMED, IN_EXIT));
        NEXT.put(IN_EXIT, EnumSet.of(REVOKED, NAMED, RECTIFYING));
        NEXT.put(REVOKED, EnumSet.noneOf(DesignationStatus.class));
        NEXT.put(EXPIRED, EnumSet.noneOf(DesignationStatus.class));
        NEXT.put(DECLINED, EnumSet.noneOf(DesignationStatus.class));
    }

    private DesignationTransitions() {
    }

    public static boolean allowed(DesignationStatus from, DesignationStatus to) {
        return NEXT.get(from).contains(to);
    }

    public static Set<DesignationStatus> next(DesignationStatus from) {
        return EnumSet.copyOf(NEXT.get(from));
    }

    /** Refuses a change the state machine does not have, naming both states. */
    public static void require(DesignationStatus from, DesignationStatus to) {
        if (!allowed(from, to)) {
            throw new RuleViolation("designation.transition", "命名记录的状态不能从「" + from.label() + "」（" + from
                    + "）变为「" + to.label() + "」（" + to + "）" + (NEXT.get(from).isEmpty() ? "：「" + from.label()
                    + "」是终结状态" : "") + " / illegal transition " + from + " → " + to);
        }
    }
}
