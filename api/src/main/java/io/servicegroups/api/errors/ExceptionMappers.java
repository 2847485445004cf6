package io.servicegroups.api.errors;

import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.core.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every failure of a request as a whole, answered with the envelope; never a stack trace or class name. */
public class ExceptionMappers {
    private static final Logger LOG = Logger.getLogger(ExceptionMappers.class);

    public static Response envelope(int status, ErrorCode code, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Envelope.failure(status, code.code(), message)).build();
    }

    @ServerExceptionMapper
    public Response requestFailure(RequestFailure failure, RoutingContext context) {
        Response response = envelope(failure.status(), failure.code(), failure.getMessage());
        if (failure.status() == 408) {
            // the rest of a slow body is not waited for: the connection ends with the answer
            context.addEndHandler(ended -> context.request().connection().close());
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return envelope(404, ErrorCode.NOT_FOUND, "no such endpoint: /" + uri.getPath().replaceFirst("^/", ""));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        var allowed = e.getResponse().getAllowedMethods();
        return envelope(405, ErrorCode.WRONG_METHOD, "method not allowed on /" + uri.getPath().replaceFirst("^/", "")
                + (allowed.isEmpty() ? "" : "; allowed: " + String.join(", ", allowed)));
    }

    @ServerExceptionMapper
    public Response notSupported(NotSupportedException e) {
        return envelope(415, ErrorCode.MALFORMED_REQUEST, "unsupported content type: send JSON with"
                + " Content-Type: application/json, or no body");
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return envelope(status, ErrorCode.MALFORMED_REQUEST, known == null ? "request failed" : known.getReasonPhrase());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            OutageLog.unavailable(failure);
            return envelope(503, ErrorCode.UNKNOWN_ERROR, "the database is unavailable; try again shortly");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure %s", reference);
        return envelope(500, ErrorCode.UNKNOWN_ERROR, "internal error (reference " + reference + ")");
    }
}
