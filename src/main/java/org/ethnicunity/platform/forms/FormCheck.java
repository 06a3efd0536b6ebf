package org.ethnicunity.platform.forms;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * Server-side check of a submitted Camunda Form. Camunda Forms validate only in the browser;
 * anything can arrive over {@code /engine-rest/task/{id}/submit-form}, so each form with rules has
 * a check, run when its task completes. A check throws
 * {@link org.ethnicunity.platform.engine.RuleViolation}; the engine then rolls the completion back.
 */
public interface FormCheck {

    /** The ids of the forms ({@code camunda:formRef}) this check is for. */
    Set<String> formIds();

    /** @param formId the form the task was completed with, one of {@link #formIds()} */
    void check(String formId, DelegateTask task);
}
