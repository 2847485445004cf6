package io.servicegroups.api.auth;

import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.api.errors.ExceptionMappers;
import io.servicegroups.core.ErrorCode;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Locale;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Bearer authentication of every /v1 request, and {@code op_time_us} on every envelope. */
public class RequestFilters {
    private static final String STARTED = "sg.started-nanos";
    private static final String BEARER = "bearer ";

    private final ApiTokens tokens;
    private final CurrentUser currentUser;

    public RequestFilters(ApiTokens tokens, CurrentUser currentUser) {
        this.tokens = tokens;
        this.currentUser = currentUser;
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION - 100)
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Optional<Response> authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/v1") && !path.startsWith("/v1/")) {
            return Optional.empty();
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            return Optional.of(unauthorized("missing Authorization header: send Authorization: Bearer <token>"));
        }
        if (header.length() <= BEARER.length() || !header.substring(0, BEARER.length()).toLowerCase(Locale.ROOT)
                .equals(BEARER)) {
            return Optional.of(unauthorized("the Authorization header must use the Bearer scheme"));
        }
        Optional<String> user = tokens.userFor(header.substring(BEARER.length()).trim());
        if (user.isEmpty()) {
            return Optional.of(unauthorized("invalid token"));
        }
        currentUser.set(user.get());
        return Optional.empty();
    }

    @ServerResponseFilter
    public void opTime(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof Envelope<?> envelope && request.getProperty(STARTED) instanceof Long t) {
            response.setEntity(envelope.withOpTime((System.nanoTime() - t) / 1000));
        }
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(ExceptionMappers.envelope(401, ErrorCode.NOT_ALLOWED, message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
