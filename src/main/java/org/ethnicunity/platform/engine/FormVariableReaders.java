package org.ethnicunity.platform.engine;

/**
 * Who reads a task's variables only as its form shows them. The engine knows no roles: the security
 * module answers (the units' contacts who are not staff); {@link FormOnlyVariableReads} asks.
 */
public interface FormVariableReaders {

    /** Nobody: every reader sees what the engine's authorizations allow. */
    FormVariableReaders NOBODY = caller -> false;

    boolean formOnly(Caller caller);
}
