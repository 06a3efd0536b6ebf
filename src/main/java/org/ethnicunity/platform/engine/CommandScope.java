package org.ethnicunity.platform.engine;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Work the platform does inside an engine command on a person's behalf but beyond that person's
 * Camunda grants: reading a group a unit contact may not read, writing the launch a commission
 * starts. The caller's own rights were checked before (the model's start, the form's rules).
 */
public final class CommandScope {

    private CommandScope() {
    }

    /**
     * Runs the work without the engine's authorization checks when inside a command (a delegate, a
     * listener, an expression), as it is outside one.
     */
    public static <T> T withoutAuthorization(Supplier<T> work) {
        if (Context.getCommandContext() == null) {
            return work.get();
        }
        return Context.getCommandContext().runWithoutAuthorization(work::get);
    }

    /**
     * Runs the work as the platform itself (no current caller: no Camunda authorizations, and the
     * command guards let it pass), then gives the thread its caller back, tenants included.
     */
    public static <T> T withoutCaller(IdentityService identity, Supplier<T> work) {
        Authentication caller = identity.getCurrentAuthentication();
        identity.clearAuthentication();
        try {
            return work.get();
        } finally {
            identity.setAuthentication(caller);
        }
    }
}
