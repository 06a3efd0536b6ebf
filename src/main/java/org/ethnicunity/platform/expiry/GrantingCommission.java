package org.ethnicunity.platform.expiry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.ethnicunity.platform.security.Roles;

/**
 * The members of the granting commission ({@code commission-<region>}) who have an e-mail address,
 * looked up once per region and run.
 */
class GrantingCommission {

    private final IdentityService identity;
    private final Map<String, List<Recipient>> byRegion = new HashMap<>();

    GrantingCommission(IdentityService identity) {
        this.identity = identity;
    }

    List<Recipient> of(String regionCode) {
        return byRegion.computeIfAbsent(regionCode, region -> identity.createUserQuery()
                .memberOfGroup(Roles.group(Roles.COMMISSION, region)).orderByUserId().asc().list().stream()
                .filter(u -> u.getEmail() != null && !u.getEmail().isBlank())
                .map(u -> new Recipient(u.getId(), name(u), u.getEmail()))
                .toList());
    }

    private static String name(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName())
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
