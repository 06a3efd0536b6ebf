package org.ethnicunity.platform.nomination;

import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.engine.CommandScope;
import org.ethnicunity.platform.security.Roles;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * Who does the preliminary review (属地初审) of a unit: the preliminary reviewers of the unit's township
 * ({@code prelim-150525101}) where that group exists, else those of its banner ({@code prelim-150525}).
 * A village's unit goes to its township's group. Called from the model's candidateGroups, so a start over
 * REST, from Tasklist or through the Java API is routed alike.
 */
@Component("preliminaryReviewers")
public class PreliminaryReviewers {

    private final IdentityService identity;

    PreliminaryReviewers(@Lazy IdentityService identity) {
        this.identity = identity;
    }

    public String groupFor(String regionCode) {
        String banner = Roles.group(Roles.PRELIMINARY, RegionCodes.commissionRegion(regionCode));
        return RegionCodes.township(regionCode).map(township -> Roles.group(Roles.PRELIMINARY, township))
                .filter(this::exists).orElse(banner);
    }

    /** Whether the group is set up, whoever started the instance (a unit contact may not read groups). */
    private boolean exists(String groupId) {
        return CommandScope.withoutAuthorization(() -> identity.createGroupQuery().groupId(groupId).count() > 0);
    }
}
