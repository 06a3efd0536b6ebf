package org.ethnicunity.platform.nomination;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.RuleViolation;
import org.ethnicunity.platform.security.Roles;

/**
 * Who may start the campaign-level steps (批量命名发文, 推荐上报): commission staff whose group's region
 * covers the campaign's or commission's region, and administrators; the platform itself (nobody
 * signed in) too.
 */
final class CommissionStarter {

    private CommissionStarter() {
    }

    static void require(DelegateExecution execution, String regionCode, String what) {
        Caller caller = Caller.current(execution.getProcessEngineServices().getIdentityService());
        if (caller == null || caller.getUserId() == null) {
            return;
        }
        List<String> groups = caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
        boolean commission = groups.stream().anyMatch(g -> g.startsWith(Roles.COMMISSION + "-")
                && RegionCodes.covers(g.substring(Roles.COMMISSION.length() + 1), regionCode));
        if (!commission && !groups.contains(Roles.ADMIN)) {
            throw new RuleViolation("starter", what + "只能由本级（行政区划 " + regionCode + "）或上级民委（创建办）发起");
        }
    }
}
