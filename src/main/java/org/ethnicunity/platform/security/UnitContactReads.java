package org.ethnicunity.platform.security;

import org.ethnicunity.platform.engine.Caller;
import org.ethnicunity.platform.engine.FormVariableReaders;
import org.springframework.stereotype.Component;

/**
 * A unit's contact (group {@code unit-contacts}) who is not also staff of a region reads of its task's
 * variables only what the task's form shows: never the complainant of a re-inspection, an objector, the
 * reviewers' notes on other steps.
 */
@Component
class UnitContactReads implements FormVariableReaders {

    @Override
    public boolean formOnly(Caller caller) {
        return caller.getGroupIds().contains(Roles.UNIT_CONTACTS)
                && caller.getGroupIds().stream().noneMatch(group -> Roles.regional(group).isPresent());
    }
}
