package org.ethnicunity.platform.engine;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;

/**
 * Camunda's {@code /process-definition/.../start} (and a few other resources) wrap every engine
 * exception in a 500 {@link RestException}, even a refused form value, while {@code submit-form}
 * answers the same refusal with 400. This mapper gives refused input 400 everywhere, with Camunda's
 * own body carrying the rule's message alone (no engine prefix, no ids) and without a server-error
 * log line. A {@link RaceLost} wrapped the same way is 409, an {@link UnknownTask} 404. Every other error keeps Camunda's status.
 * Registered by {@link RestErrors} ahead of Camunda's mapper for the same type (a lower
 * {@link Priority} wins in Jersey).
 */
@Priority(1)
class RefusedInputMapper implements ExceptionMapper<RestException> {

    @Override
    public Response toResponse(RestException exception) {
        ExceptionHandlerHelper camunda = ExceptionHandlerHelper.getInstance();
        RaceLost race = cause(exception, RaceLost.class);
        if (race != null) {
            // Camunda wraps it as "Cannot submit task form 4711: …" with 500: the loser of a race did nothing wrong.
            return RaceLostMapper.conflict(race);
        }
        UnknownTask unknown = cause(exception, UnknownTask.class);
        if (unknown != null) {
            return RaceLostMapper.answer(Response.Status.NOT_FOUND, unknown);
        }
        FormFieldValidationException refused = cause(exception, FormFieldValidationException.class);
        if (refused != null) {
            // Camunda's body, without Camunda's logging (it would log a refused value as a server error)
            // and with the rule alone: Camunda puts "Cannot instantiate process definition nomination:1:…: "
            // or "Cannot submit task form 4711: " in front of it.
            ExceptionDto body = camunda.fromException(exception);
            body.setMessage(refused.getMessage());
            return Response.status(Response.Status.BAD_REQUEST).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
        }
        return camunda.getResponse(exception);
    }

    private static <E extends Throwable> E cause(Throwable exception, Class<E> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
