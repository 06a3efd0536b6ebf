package org.ethnicunity.platform.reinspection;

import java.util.List;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.contract.ReinspectionTrigger;
import org.ethnicunity.platform.security.Roles;

/**
 * Who may start a re-inspection: commission staff of the granting level (their group's region
 * covers it) and administrators. The platform itself (no authenticated user: another process, a
 * job) may start one for any trigger; people only for the triggers people have.
 */
final class StarterCheck {

    private StarterCheck() {
    }

    static void require(Caller caller, ReinspectionTrigger trigger, String grantingRegionCode) {
        if (caller == null || caller.getUserId() == null) {
            return;
        }
        if (!trigger.byPeople()) {
            throw new RuleViolation("reinspectionTrigger", "「" + trigger.label() + "」引起的复核复检由平台自动发起，不能手工发起");
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        boolean commission = groups.stream().anyMatch(g -> g.startsWith(Roles.COMMISSION + "-")
                && RegionCodes.covers(g.substring(Roles.COMMISSION.length() + 1), grantingRegionCode));
        if (!commission && !groups.contains(Roles.ADMIN)) {
            // Neither the title's region nor its existence is told to somebody of another region.
            throw new RuleViolation("starter", "找不到您可发起复核复检的命名记录（复核复检只能由授予该称号的民委或其上级民委发起）");
        }
    }
}
