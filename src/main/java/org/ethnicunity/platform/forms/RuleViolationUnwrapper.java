package org.ethnicunity.platform.forms;

import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.ethnicunity.platform.RuleViolation;

/**
 * The engine wraps an exception thrown by a task listener in "ENGINE-03051 There was an exception
 * while invoking the TaskListener", which its REST API answers with 500. Outside the transaction
 * (the rollback has happened), this passes the {@link RuleViolation} itself on, so the caller gets
 * 400 and the plain Chinese message.
 */
class RuleViolationUnwrapper extends CommandInterceptor {

    @Override
    public <T> T execute(Command<T> command) {
        try {
            return next.execute(command);
        } catch (RuntimeException e) {
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof RuleViolation violation) {
                    throw violation;
                }
            }
            throw e;
        }
    }
}
