package org.ethnicunity.platform.engine;

/**
 * What a process accepts as the value of one of its variables, asked by {@link SubmittedFieldsGuard} for
 * every value a person submits (a task's form, a start form, REST, Tasklist, the Java API). The engine
 * knows no process: the process contracts answer (a Spring bean implementing this in {@code contract}).
 */
public interface SubmittedValueCheck {

    /** Accepts everything: no contracts known (a context without them). */
    SubmittedValueCheck NONE = (processKey, name, value) -> { };

    /**
     * Refuses with a {@link RuleViolation} in Chinese a value the variable {@code name} of process
     * {@code processKey} does not take. A blank or missing value passes: requiring it is the form
     * check's business. A value submitted as an object (JSON, XML) arrives as a {@link SubmittedObject}.
     */
    void check(String processKey, String name, Object value);

    /** A value submitted as a serialized object of some format (JSON, XML), not read here. */
    record SubmittedObject(String format, String typeName) {
    }
}
