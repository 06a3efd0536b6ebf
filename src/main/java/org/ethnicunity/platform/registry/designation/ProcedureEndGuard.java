package org.ethnicunity.platform.registry.designation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.ethnicunity.platform.engine.InstanceEndGuard;
import org.ethnicunity.platform.registry.RegistryService;
import org.ethnicunity.platform.security.Actors;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * A re-inspection or exit that ends without closing its procedure (an administrator deleted or
 * cancelled the instance, e.g. in Cockpit) would leave the title UNDER_REINSPECTION or IN_EXIT for
 * good: no new procedure could open and it would never expire. A built-in end listener on every
 * process (built-in, so Cockpit's "skip custom listeners" does not skip it) closes such a procedure
 * and puts the title back to NAMED, in the deleting transaction.
 */
@Component
class ProcedureEndGuard extends InstanceEndGuard {

    private final RegistryService registry;

    ProcedureEndGuard(@Lazy RegistryService registry) {
        super(key -> true);
        this.registry = registry;
    }

    @Override
    public void notify(DelegateExecution execution) {
        registry.cancelProcedureOf(execution.getProcessInstanceId(), Actors.current());
    }
}
