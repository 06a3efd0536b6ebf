package org.ethnicunity.platform.security;

import org.ethnicunity.platform.engine.Caller;

/** Who is acting, for the registry's event log: the authenticated user, or "system" for jobs. */
public final class Actors {

    public static final String SYSTEM = "system";

    private Actors() {
    }

    public static String current() {
        Caller caller = Caller.inCommand();
        return caller == null ? SYSTEM : caller.getUserId();
    }
}
