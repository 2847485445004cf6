package io.servicegroups.gateway;

import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The optional access log (off unless {@code sg.gateway.access-log.enabled}): one JSON line per HTTP request or
 * TCP connection in the logger category {@value #CATEGORY}, with nothing a client chose but the status.
 */
final class AccessLog {
    static final String CATEGORY = "io.servicegroups.gateway.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    static final AccessLog OFF = new AccessLog(false);

    private final boolean enabled;
    private final Consumer<String> sink;

    AccessLog(boolean enabled) {
        this(enabled, LOG::info);
    }

    AccessLog(boolean enabled, Consumer<String> sink) {
        this.enabled = enabled;
        this.sink = sink;
    }

    boolean enabled() {
        return enabled;
    }

    /** An HTTP exchange; {@code status} 0: the client left before the answer ended. */
    void http(Route route, UUID instance, int status, long bytesIn, long bytesOut, long nanos) {
        if (enabled) {
            sink.accept(line("http", route, instance, bytesIn, bytesOut, nanos) + ",\"status\":" + status + "}");
        }
    }

    /** A TCP connection, when it closed. */
    void tcp(Route route, UUID instance, long bytesIn, long bytesOut, long nanos) {
        if (enabled) {
            sink.accept(line("tcp", route, instance, bytesIn, bytesOut, nanos) + "}");
        }
    }

    private static String line(String kind, Route route, UUID instance, long bytesIn, long bytesOut, long nanos) {
        return "{\"type\":\"" + kind + "\",\"group\":\"" + route.group() + "\",\"port\":" + route.port()
                + ",\"instance\":" + (instance == null ? "null" : "\"" + instance + "\"") + ",\"bytes_in\":" + bytesIn
                + ",\"bytes_out\":" + bytesOut + ",\"duration_ms\":" + Math.round(nanos / 1000.0) / 1000.0;
    }
}
