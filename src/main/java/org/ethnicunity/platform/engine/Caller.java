package org.ethnicunity.platform.engine;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * The person a call to the engine runs for: user id and groups, as the authentication filters set
 * them. The engine's own type for this ({@code Authentication}) lives in its internals; this is what
 * the rest of the platform sees of it. No caller ({@code null} from the factories) means the
 * platform's own code: a job, a start at boot, or {@code ApiAccess.asPlatform}.
 */
public final class Caller {

    /** Camunda's administrators' group: everything is open to them, in the engine and here. */
    public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;

    private final String userId;
    private final List<String> groupIds;

    private Caller(String userId, List<String> groupIds) {
        this.userId = userId;
        this.groupIds = groupIds == null ? List.of() : List.copyOf(groupIds);
    }

    /** Who calls through this identity service on this thread; null without a signed-in person. */
    public static Caller current(IdentityService identity) {
        return of(identity.getCurrentAuthentication());
    }

    /** Who runs the command in progress on this thread; null outside a command or without a person. */
    public static Caller inCommand() {
        return Context.getCommandContext() == null ? null : of(Context.getCommandContext().getAuthentication());
    }

    static Caller of(Authentication authentication) {
        return authentication == null || authentication.getUserId() == null ? null
                : new Caller(authentication.getUserId(), authentication.getGroupIds());
    }

    public String getUserId() {
        return userId;
    }

    /** The person's groups, never null. */
    public List<String> getGroupIds() {
        return groupIds;
    }

    public boolean isAdministrator() {
        return groupIds.contains(ADMINISTRATORS);
    }
}
