package org.ethnicunity.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's {@code /process-definition/.../start} (and a few other resources) wrap every engine
 * exception in a 500 {@link RestException}, even a refused form value, while {@code submit-form}
 * answers the same refusal with 400. This mapper gives refused input 400 everywhere, with Camunda's
 * own body; every other error keeps Camunda's status. Registered ahead of Camunda's mapper for the
 * same type (a lower {@link Priority} wins in Jersey).
 */
@Priority(1)
class RefusedInputMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
        Response response = ExceptionHandlerHelper.getInstance().getResponse(exception);
        return refusedInput(exception) ? Response.fromResponse(response).status(Response.Status.BAD_REQUEST).build() : response;
    }

    private static boolean refusedInput(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException) {
                return true;
            }
        }
        return false;
    }
}
