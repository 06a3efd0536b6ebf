package org.ethnicunity.platform.security;

/**
 * Group naming: one group per role and region, {@code ROLE-REGIONCODE}, e.g. {@code prelim-150525}.
 * A group of a city (150500) or of the region (150000) covers every code below it.
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
}
