package io.servicegroups.api.errors;

import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.core.ErrorCode;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * {@code OPTIONS} under /v1 is not an operation of the API: instead of the framework's empty 200, it answers 405
 * with the envelope and the {@code Allow} header on a known path, 404 on an unknown one.
 */
public class OptionsAnswers {

    // response filters run from the highest priority down: before the one that adds op_time_us
    @ServerResponseFilter(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public void options(ContainerRequestContext request, ContainerResponseContext response) {
        if (!request.getMethod().equals("OPTIONS") || response.getEntity() != null) {
            return; // every other response passes here too: nothing to compute for them
        }
        String raw = request.getUriInfo().getPath();
        String path = raw.startsWith("/") ? raw : "/" + raw;
        if (!(path.equals("/v1") || path.startsWith("/v1/"))) {
            return;
        }
        String allow = response.getHeaderString("Allow");
        int status = allow == null || allow.isBlank() ? 404 : 405;
        Envelope<Void> answer = status == 404
                ? Envelope.failure(404, ErrorCode.NOT_FOUND.code(), "no such endpoint: " + path)
                : Envelope.failure(405, ErrorCode.WRONG_METHOD.code(), "method not allowed on " + path + "; allowed: "
                        + allow);
        response.setStatus(status);
        response.setEntity(answer, new Annotation[0], MediaType.APPLICATION_JSON_TYPE);
    }
}
