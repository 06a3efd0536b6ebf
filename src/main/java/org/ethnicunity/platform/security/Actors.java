package org.ethnicunity.platform.security;

import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting, for the registry's event log: the authenticated user, or "system" for jobs. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String current() {
        if (Context.getCommandContext() == null) {
            return SYSTEM;
        }
        Authentication authentication = Context.getCommandContext().getAuthentication();
        return authentication == null || authentication.getUserId() == null ? SYSTEM : authentication.getUserId();
    }
}
