package org.ethnicunity.platform.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A broken business rule or a bad form value, with a message for the person who caused it.
 *
 * <p>It extends the engine's form-field validation exception on purpose: Camunda's REST API answers
 * that type with 400 and the message (anything else becomes a 500), and the transaction that raised
 * it is rolled back, so nothing is written.
 */
public class RuleViolation extends FormFieldValidationException {

    private final String code;

    public RuleViolation(String code, String message) {
        super(code, message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
