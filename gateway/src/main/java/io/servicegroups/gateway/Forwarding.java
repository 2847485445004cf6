package io.servicegroups.gateway;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What one forwarded HTTP exchange owes the rest of the gateway, whichever path carries it: the instance's load
 * unit (given back once), the route's meters and the access log, written once when the exchange is over.
 */
final class Forwarding {
    private final Route route;
    private final Work work;
    private final Fleet fleet;
    private final long started = System.nanoTime();
    private boolean over;
    long bytesIn;
    long bytesOut;

    Forwarding(Route route, Work work, Fleet fleet) {
        this.route = route;
        this.work = work;
        this.fleet = fleet;
    }

    /** Whether a request with this method may be sent again when a reused connection closed before answering. */
    static boolean idempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /** Sets {@code X-Forwarded-For} (appended to), {@code -Proto} and {@code -Host} (replacing the client's). */
    static void forwardedHeaders(Function<String, String> get, BiConsumer<String, String> set, String client,
                                 boolean tls, String host) {
        if (client != null) {
            String previous = get.apply("x-forwarded-for");
            set.accept("x-forwarded-for", previous == null ? client : previous + ", " + client);
        }
        set.accept("x-forwarded-proto", tls ? "https" : "http");
        if (host != null) {
            set.accept("x-forwarded-host", host);
        }
    }

    Route route() {
        return route;
    }

    Target target() {
        return work.target();
    }

    boolean over() {
        return over;
    }

    /** Connecting to the current target failed: the next one to try (already taken), or null when none is left. */
    Target nextAfterRefusal(boolean retried) {
        Target target = work.target();
        target.load().failed();
        route.meters().upstreamError();
        Target other = retried ? null : route.acquire(target);
        if (other != null) {
            work.moveTo(other);
        }
        return other;
    }

    /** The backend answered with {@code status}: a 5xx counts against the instance. */
    void answered(int status) {
        Target target = work.target();
        if (target != null) {
            if (status >= 500) {
                target.load().failed();
            } else {
                target.load().succeeded();
            }
        }
    }

    /** The backend closed or broke the exchange. */
    void broke() {
        route.meters().upstreamError();
        if (work.target() != null) {
            work.target().load().failed();
        }
    }

    /** The exchange is over with {@code status} (0: the client left): counted, logged, its work given back. */
    void finish(int status) {
        if (over) {
            return;
        }
        over = true;
        long nanos = System.nanoTime() - started;
        RouteMeters meters = route.meters();
        meters.request(status, nanos);
        if (bytesIn > 0) {
            meters.bytesIn(bytesIn);
        }
        if (bytesOut > 0) {
            meters.bytesOut(bytesOut);
        }
        Target target = work.target();
        fleet.accessLog().http(route, target == null ? null : target.instance(), status, bytesIn, bytesOut, nanos);
        work.finish();
    }
}
