package org.ethnicunity.platform.engine;

import java.util.function.Predicate;
import org.camunda.bpm.engine.delegate.ExecutionListener;

/**
 * An end listener built into the processes whose key matches, so it runs however an instance ends,
 * deleted or cancelled in Cockpit included (built-in listeners are not skipped by "skip custom
 * listeners"): the place to put the registry right when an instance stops before its model did.
 */
public abstract class InstanceEndGuard implements ModelHook, ExecutionListener {

    private final Predicate<String> processKeys;

    protected InstanceEndGuard(Predicate<String> processKeys) {
        this.processKeys = processKeys;
    }

    @Override
    public void process(Process process) {
        if (processKeys.test(process.key())) {
            process.addEndListener(this);
        }
    }
}
