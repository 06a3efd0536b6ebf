package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Behaviour the platform builds into every deployed model, whatever an administrator does to it in
 * Modeler: a Spring bean implementing this is called for each user task, start event and process
 * while a model is parsed ({@link ModelParsing}), and adds built-in listeners (which "skip custom
 * listeners" does not skip). The engine's parse classes stay in this package.
 */
public interface ModelHook {

    default void userTask(UserTask task) {
    }

    default void startEvent(StartEvent start) {
    }

    default void process(Process process) {
    }

    /** A user task of a model being deployed. */
    interface UserTask {

        String id();

        /** Its {@code camunda:formRef}, or null. */
        String formRef();

        /** Adds a built-in listener for {@code create}, {@code assignment}, {@code complete}, ... */
        void addListener(String event, TaskListener listener);
    }

    /** A start event of a model being deployed. */
    interface StartEvent {

        /** The key of the process it starts; null for a sub-process's start event. */
        String processKey();

        /** Its {@code camunda:formRef}, or null. */
        String formRef();

        /** Adds a built-in listener run when the start event is left (the start form's values are set). */
        void addEndListener(ExecutionListener listener);
    }

    /** A process of a model being deployed. */
    interface Process {

        String key();

        /** Adds a built-in listener run however an instance ends, deleted or cancelled in Cockpit included. */
        void addEndListener(ExecutionListener listener);
    }
}
