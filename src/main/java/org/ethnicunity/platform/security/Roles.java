package org.ethnicunity.platform.security;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.ethnicunity.platform.RegionCodes;

/**
 * Group naming: one group per role and region, {@code ROLE-REGIONCODE}, e.g. {@code prelim-150525}.
 * A group of a city (150500) or of the region (150000) covers every code below it. Below a banner only
 * preliminary reviewers have groups ({@code prelim-150525101}, a township's): a township has no
 * commission, so every other role stays at six digits.
 */
public final class Roles {

    public static final String ADMIN = "camunda-admin";
    public static final String UNIT_CONTACTS = "unit-contacts";
    public static final String PRELIMINARY = "prelim";
    public static final String COMMISSION = "commission";
    public static final String ASSESSOR = "assessor";
    public static final String LEADING_GROUP = "leading";
    public static final String SUPERVISION = "supervision";

    /** Role prefixes whose members see the work of their region. */
    public static final java.util.List<String> REGIONAL = java.util.List.of(PRELIMINARY, COMMISSION, ASSESSOR,
            LEADING_GROUP, SUPERVISION);

    private Roles() {
    }

    public static String group(String role, String regionCode) {
        return role + "-" + regionCode;
    }

    /** A group of a role for a region, parsed from its id. */
    public record RegionalGroup(String role, String region) {
    }

    private static final Pattern REGIONAL_GROUP = Pattern.compile("([a-z]+)-(\\d+)");

    /**
     * The role and region of {@code prelim-150525101}, {@code commission-150500}; empty for other ids, and
     * for a group below the banner of any role but {@link #PRELIMINARY} (a misnamed
     * {@code commission-150525101} grants nothing rather than a commission the hierarchy does not have).
     */
    public static Optional<RegionalGroup> regional(String groupId) {
        Matcher m = groupId == null ? null : REGIONAL_GROUP.matcher(groupId);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        return RegionCodes.normalise(m.group(2))
                .filter(region -> RegionCodes.isCommissionLevel(region) || PRELIMINARY.equals(m.group(1)))
                .map(region -> new RegionalGroup(m.group(1), region));
    }
}
