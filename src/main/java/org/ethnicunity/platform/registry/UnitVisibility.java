package org.ethnicunity.platform.registry;

import org.ethnicunity.platform.security.ApiAccess;
import org.ethnicunity.platform.security.Roles;
import org.springframework.stereotype.Component;

/**
 * Who may see a unit and its designations: the unit's contact, the staff of every regional role
 * whose region covers the unit's, and administrators. The registry's API and its pages ask here, so
 * both answer the same people, and so do the reports (dossier PDF) built on them.
 */
@Component
public class UnitVisibility {

    private final ApiAccess access;

    UnitVisibility(ApiAccess access) {
        this.access = access;
    }

    public boolean canSee(Unit unit) {
        return unit.contactUser().equals(access.userId()) || access.hasRoleFor(unit.regionCode(), Roles.REGIONAL);
    }
}
