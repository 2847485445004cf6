package io.servicegroups.api.request;

import io.servicegroups.api.errors.ExceptionMappers;
import io.servicegroups.api.json.Texts;
import io.servicegroups.core.ErrorCode;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Path and query of a /v1 request as sent: percent-escapes must decode to valid UTF-8 (an overlong form such as
 * {@code %C0%80} is not decoded leniently into something else) and to no U+0000 (which PostgreSQL cannot take).
 */
public class RawUriCheck {

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION + 10)
    public Optional<Response> check(HttpServerRequest request) {
        String uri = request.uri();
        if (!uri.startsWith("/v1")) {
            return Optional.empty();
        }
        return problem(uri).map(message -> ExceptionMappers.envelope(400, ErrorCode.MALFORMED_REQUEST, message));
    }

    /** What is wrong with the raw path and query, if anything. */
    static Optional<String> problem(String uri) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(uri.length());
        for (int i = 0; i < uri.length(); i++) {
            char c = uri.charAt(i);
            if (c == '%' && i + 2 < uri.length() && hex(uri.charAt(i + 1)) >= 0 && hex(uri.charAt(i + 2)) >= 0) {
                bytes.write(hex(uri.charAt(i + 1)) * 16 + hex(uri.charAt(i + 2)));
                i += 2;
            } else if (c == '%') {
                return Optional.of("the URI has a malformed percent-escape at character " + (i + 1));
            } else if (c < 0x80) {
                bytes.write(c);
            } else {
                // characters sent unescaped: their UTF-8 form
                bytes.writeBytes(String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        byte[] decoded = bytes.toByteArray();
        for (byte b : decoded) {
            if (b == 0) {
                return Optional.of("the URI contains U+0000 (NUL), which no value may contain");
            }
        }
        return Texts.invalidUtf8(decoded).map(at -> "the URI's percent-escapes are not valid UTF-8 (byte " + (at + 1)
                + " of the decoded path and query; overlong forms are refused)");
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }
}
