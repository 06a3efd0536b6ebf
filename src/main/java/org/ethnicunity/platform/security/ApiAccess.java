package org.ethnicunity.platform.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.engine.CommandScope;
import org.ethnicunity.platform.RegionCodes;
import org.springframework.stereotype.Component;

/**
 * Who is calling {@code /api} and what of the registry they may see, from the Camunda identity the
 * authentication filter put on the request.
 */
@Component
public class ApiAccess {

    private final IdentityService identity;

    ApiAccess(IdentityService identity) {
        this.identity = identity;
    }

    public String userId() {
        return authentication().getUserId();
    }

    public boolean isAdmin() {
        return groups().contains(Roles.ADMIN);
    }

    /** Admins, and members of a group of one of the roles whose region covers the code. */
    public boolean hasRoleFor(String regionCode, List<String> roles) {
        return isAdmin() || regionalGroups().anyMatch(g -> roles.contains(g.role()) && RegionCodes.covers(g.region(), regionCode));
    }

    public void requireRoleFor(String regionCode, List<String> roles, String what) {
        if (!hasRoleFor(regionCode, roles)) {
            throw new AccessDenied("您（" + userId() + "）无权" + what + "（行政区划 " + regionCode + "）");
        }
    }

    /**
     * The regions the caller's groups of a role are for, e.g. [150525] for commission-150525, [150525101]
     * for prelim-150525101 (a township's preliminary reviewers); a group whose suffix is no region code is
     * not a regional group and gives none.
     */
    public List<String> scopes(String role) {
        return regionalGroups().filter(g -> g.role().equals(role)).map(Roles.RegionalGroup::region).toList();
    }

    private java.util.stream.Stream<Roles.RegionalGroup> regionalGroups() {
        return groups().stream().flatMap(g -> Roles.regional(g).stream());
    }

    /** Whether a Camunda user exists, whoever asks (commission staff may not read the user directory). */
    public boolean userExists(String userId) {
        return asPlatform(() -> identity.createUserQuery().userId(userId).count() > 0);
    }

    /**
     * Runs engine calls without the caller's Camunda authorizations, after the controller has checked
     * the caller's region and role itself (e.g. commission staff registering an objection on an
     * instance they hold no Camunda permission on).
     */
    public <T> T asPlatform(java.util.function.Supplier<T> action) {
        return CommandScope.withoutCaller(identity, action);
    }

    private List<String> groups() {
        List<String> groups = authentication().getGroupIds();
        return groups == null ? List.of() : groups;
    }

    private Caller authentication() {
        Caller authentication = Caller.current(identity);
        if (authentication == null || authentication.getUserId() == null) {
            // The filter answers 401 before a controller runs; this guards a misconfiguration.
            throw new AccessDenied("未登录 / not authenticated");
        }
        return authentication;
    }
}
