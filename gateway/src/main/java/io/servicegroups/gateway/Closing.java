package io.servicegroups.gateway;

import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.NetSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.jboss.logging.Logger;

/**
 * Graceful shutdown of the listeners: once {@link #begin} is called, a new connection is closed at once, an idle
 * HTTP/1 connection is closed, a busy one answers its current request with {@code Connection: close} and is
 * closed after it, an HTTP/2 connection gets a GOAWAY; TCP connections go on. {@link #await} waits until no
 * work is open or the grace period is over; what is left is then cut when the listeners close.
 */
final class Closing {
    private static final Logger LOG = Logger.getLogger(Closing.class);

    /** Open requests of one client connection, and whether it speaks HTTP/2 (known from its first request). */
    private static final class Open {
        final AtomicInteger requests = new AtomicInteger();
        volatile boolean http2;
    }

    private final Map<HttpConnection, Open> http = new ConcurrentHashMap<>();
    private volatile boolean closing;
    private volatile long graceMillis = 10_000;

    boolean closing() {
        return closing;
    }

    /** A client connection was accepted: answers false (and closes it) when shutting down. */
    boolean accepted(HttpConnection connection) {
        if (closing) {
            connection.close();
            return false;
        }
        http.put(connection, new Open());
        connection.closeHandler(v -> http.remove(connection));
        return true;
    }

    boolean accepted(NetSocket socket) {
        if (closing) {
            socket.close();
            return false;
        }
        return true;
    }

    /** A request starts on {@code connection}. */
    void requestStarted(HttpConnection connection, HttpVersion version) {
        Open open = http.get(connection);
        if (open != null) {
            open.http2 = version == HttpVersion.HTTP_2;
            open.requests.incrementAndGet();
        }
    }

    /** A request's answer was written on {@code connection}; when shutting down an idle HTTP/1 one is closed. */
    void requestEnded(HttpConnection connection) {
        Open open = http.get(connection);
        if (open != null && open.requests.decrementAndGet() <= 0 && closing && !open.http2) {
            connection.close();
        }
    }

    /** Stops taking connections and tells keep-alive clients to go. */
    void begin(Duration grace) {
        graceMillis = grace.toMillis();
        closing = true;
        http.forEach((connection, open) -> {
            if (open.http2) {
                connection.shutdown(graceMillis, TimeUnit.MILLISECONDS);
            } else if (open.requests.get() <= 0) {
                connection.close();
            }
        });
    }

    /** Waits (blocking; not on an event loop) until {@code openWork} is 0 or the grace period ends. */
    boolean await(IntSupplier openWork) {
        long deadline = System.currentTimeMillis() + graceMillis;
        while (openWork.getAsInt() > 0) {
            if (System.currentTimeMillis() >= deadline) {
                LOG.warnf("gateway: %d requests or connections still open after the shutdown grace period; closing",
                        openWork.getAsInt());
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
