package io.servicegroups.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.config.SgConfig;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.core.ErrorCode;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a request body without blocking, for every method alike. JAX-RS body parameters are not used:
 * RESTEasy Reactive does not read GET bodies ahead (the original clients send GET with a JSON body), answers
 * 415 to body-less requests without Content-Type, and moves large bodies to a worker thread. A body that does not
 * arrive within {@code sg.api.body-timeout} answers 408 and the connection is closed.
 */
@ApplicationScoped
public class RequestBodies {
    private static final Uni<byte[]> NO_BODY = Uni.createFrom().item(new byte[0]);

    private final int maxBytes;
    private final Duration bodyTimeout;

    public RequestBodies(SgConfig config) {
        this.maxBytes = config.api().maxBodyBytes();
        this.bodyTimeout = config.api().bodyTimeout();
    }

    /** The JSON body, or empty when there is none. */
    public Uni<Optional<JsonNode>> json(HttpServerRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return bytes(request).map(body -> JsonBody.parse(body, contentType, maxBytes));
    }

    private Uni<byte[]> bytes(HttpServerRequest request) {
        String header = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        Long length = header == null ? null : parseLength(header);
        if (length != null && length > maxBytes) {
            return Uni.createFrom().failure(JsonBody.tooLarge(length, maxBytes));
        }
        if (request.isEnded()) {
            return NO_BODY;
        }
        if (announcesNoBody(request, length)) {
            request.resume(); // lets Vert.x take in the request's end; no body, so no wait and no timer
            return NO_BODY;
        }
        return Uni.createFrom().<byte[]>emitter(emitter -> {
            Buffer body = Buffer.buffer();
            request.handler(chunk -> {
                if (body.length() <= maxBytes) {
                    body.appendBuffer(chunk);
                    if (body.length() > maxBytes) {
                        emitter.fail(JsonBody.tooLarge(body.length(), maxBytes));
                    }
                }
            });
            request.exceptionHandler(emitter::fail);
            request.endHandler(done -> {
                if (body.length() <= maxBytes) {
                    emitter.complete(body.getBytes());
                }
            });
            request.resume();
        }).ifNoItem().after(bodyTimeout).failWith(() -> new RequestFailure(408, ErrorCode.MALFORMED_REQUEST,
                "the request body did not arrive within " + bodyTimeout.toMillis() / 1000.0
                        + " s (sg.api.body-timeout); send it at once"));
    }

    /** HTTP/1 without Content-Length or Transfer-Encoding, or with a length of 0: no body follows (RFC 9112 6.3). */
    /** {@code length}: the Content-Length, null without one. */
    private static boolean announcesNoBody(HttpServerRequest request, Long length) {
        if (request.version() == HttpVersion.HTTP_2) {
            return false;
        }
        return length == null ? request.getHeader(HttpHeaders.TRANSFER_ENCODING) == null : length == 0;
    }

    private static long parseLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw RequestFailure.badRequest("Content-Length is not a number");
        }
    }
}
