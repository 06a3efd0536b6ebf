package org.ethnicunity.platform.engine;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;

/**
 * A lost race that reaches REST unwrapped (a claim: Camunda's resource does not catch it) is a 409
 * with the message for people; Camunda's own mapper for engine exceptions would call it a 500. Jersey
 * picks the mapper of the closest exception type, so this one wins for {@link RaceLost}. A race lost
 * inside a resource that wraps it in a {@code RestException} is answered by {@link RefusedInputMapper}.
 */
class RaceLostMapper implements ExceptionMapper<RaceLost> {

    @Override
    public Response toResponse(RaceLost exception) {
        return conflict(exception);
    }

    static Response conflict(RaceLost race) {
        return answer(Response.Status.CONFLICT, race);
    }

    /** Camunda's body (type, code) with our message alone, and no server-error log line: nobody erred. */
    static Response answer(Response.Status status, ProcessEngineException exception) {
        ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(exception);
        body.setMessage(exception.getMessage());
        return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    /** A claim of a task id that never existed (unwrapped, like a lost claim) is 404. */
    static class UnknownTaskMapper implements ExceptionMapper<UnknownTask> {

        @Override
        public Response toResponse(UnknownTask exception) {
            return answer(Response.Status.NOT_FOUND, exception);
        }
    }
}
