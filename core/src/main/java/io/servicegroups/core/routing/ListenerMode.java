package io.servicegroups.core.routing;

import io.servicegroups.core.Handler;
import io.servicegroups.core.PublishedService;

/**
 * How the gateway speaks on a published port, derived from its handlers (SPEC 3.3, 7). The handler rules make
 * it a function of the port: 80 is plain HTTP, 443 is HTTPS, every other port is TLS-terminated TCP.
 */
public enum ListenerMode {
    /** {@code http} without {@code tls}: routed by the Host header, balanced per request. */
    HTTP(false, true),
    /** {@code tls} and {@code http}: routed by SNI, then by the Host header; balanced per request. */
    HTTPS(true, true),
    /** {@code tls} without {@code http}: routed by SNI, balanced per connection, bytes copied both ways. */
    TLS_TCP(true, false);

    private final boolean tls;
    private final boolean http;

    ListenerMode(boolean tls, boolean http) {
        this.tls = tls;
        this.http = http;
    }

    public boolean tls() {
        return tls;
    }

    public boolean http() {
        return http;
    }

    public static ListenerMode of(PublishedService service) {
        boolean tls = service.has(Handler.TLS);
        boolean http = service.has(Handler.HTTP);
        if (http) {
            return tls ? HTTPS : HTTP;
        }
        return TLS_TCP;
    }

    /** {@code redirect} on port 80: answer 308 to https instead of forwarding. */
    public static boolean redirects(PublishedService service) {
        return service.has(Handler.REDIRECT);
    }
}
