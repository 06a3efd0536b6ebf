package org.ethnicunity.platform.registry.web;

import java.util.List;
import java.util.Map;
import org.ethnicunity.platform.RegionCodes;
import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;

/**
 * What of the registry a caller's lists show, as one SQL condition on the unit's (or the
 * campaign's, the launch's) region: administrators everything, staff of a role the regions their
 * groups cover (sub-regions included), a unit contact their own units. The same rule as
 * {@link UnitVisibility}, applied in the query so that counts, pages and exports agree.
 *
 * @param all      an administrator
 * @param user     the caller, matched against the unit's contact ({@code null}: contacts not considered)
 * @param patterns LIKE patterns of the regions covered ('1505%', '150525%' with its townships and villages,
 *                 '150525101%' for a township's preliminary reviewers)
 */
record RegistryScope(boolean all, String user, List<String> patterns) {

    /** Units and their designations: regional staff of any role, the unit's contact, administrators. */
    static RegistryScope ofUnits(ApiAccess access) {
        return of(access, Roles.REGIONAL, true);
    }

    /** Work of the offices (campaigns, launches): staff of the given roles and administrators; contacts none. */
    static RegistryScope ofOffices(ApiAccess access, List<String> roles) {
        return of(access, roles, false);
    }

    /** Naming campaigns with their progress: staff of every regional role of the campaign's region. */
    static RegistryScope ofCampaigns(ApiAccess access) {
        return ofOffices(access, Roles.REGIONAL);
    }

    /** Launches (annual reviews, report requests, 计划复核): the commission, like their own pages. */
    static RegistryScope ofLaunches(ApiAccess access) {
        return ofOffices(access, List.of(Roles.COMMISSION));
    }

    private static RegistryScope of(ApiAccess access, List<String> roles, boolean contacts) {
        String user = access.userId();
        List<String> patterns = roles.stream().flatMap(role -> access.scopes(role).stream())
                .map(RegionCodes::likePattern).distinct().toList();
        return new RegistryScope(access.isAdmin(), contacts ? user : null, patterns);
    }

    /** The condition on a region column (and, for units, the contact column). */
    String condition(String regionColumn, String contactColumn) {
        String contact = user == null || contactColumn == null ? "" : " OR " + contactColumn + " = :scopeUser";
        return "(:scopeAll OR " + regionColumn + " LIKE ANY (CAST(:scopePatterns AS text[]))" + contact + ")";
    }

    Map<String, Object> params() {
        return Map.of("scopeAll", all, "scopeUser", user == null ? "" : user,
                "scopePatterns", patterns.toArray(String[]::new));
    }
}
