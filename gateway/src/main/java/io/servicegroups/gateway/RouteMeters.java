package io.servicegroups.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The meters of one published port of one group, resolved once per route so that a request only increments
 * fields. Labels: {@code group} (uuid) and {@code port}, nothing a client chooses.
 */
final class RouteMeters {
    private static final String[] CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30), Duration.ofSeconds(60)};
    /** Meters that count nothing, until a route gets its own. */
    static final RouteMeters NONE = new RouteMeters(new CompositeMeterRegistry(), Tags.empty());

    private final MeterRegistry registry;
    private final Counter[] requests = new Counter[CLASSES.length];
    private final Counter aborted;
    private final Counter connections;
    private final Counter bytesIn;
    private final Counter bytesOut;
    private final Counter upstreamErrors;
    private final Timer duration;

    RouteMeters(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        for (int i = 0; i < CLASSES.length; i++) {
            requests[i] = Counter.builder("sg.gateway.requests").description("HTTP requests answered, by status class")
                    .tags(tags).tag("status", CLASSES[i]).register(registry);
        }
        aborted = Counter.builder("sg.gateway.requests").description("HTTP requests answered, by status class")
                .tags(tags).tag("status", "aborted").register(registry);
        connections = Counter.builder("sg.gateway.connections").description("TCP and upgraded connections forwarded")
                .tags(tags).register(registry);
        bytesIn = Counter.builder("sg.gateway.received").description("Bytes from clients (HTTP: bodies)")
                .baseUnit("bytes").tags(tags).register(registry);
        bytesOut = Counter.builder("sg.gateway.sent").description("Bytes to clients (HTTP: bodies)")
                .baseUnit("bytes").tags(tags).register(registry);
        upstreamErrors = Counter.builder("sg.gateway.upstream.errors")
                .description("Backends not reached, or failing in the middle of an exchange").tags(tags)
                .register(registry);
        duration = Timer.builder("sg.gateway.request.duration").description("From request to the response's end")
                .tags(tags).serviceLevelObjectives(BUCKETS).register(registry);
    }

    static RouteMeters of(MeterRegistry registry, Route route) {
        return new RouteMeters(registry, Tags.of("group", route.group().toString(), "port",
                Integer.toString(route.port())));
    }

    /** An HTTP exchange ended with {@code status} (0: the client left first). */
    void request(int status, long nanos) {
        int index = status / 100 - 1;
        if (status == 0) {
            aborted.increment();
        } else if (index >= 0 && index < CLASSES.length) {
            requests[index].increment();
        }
        duration.record(nanos, TimeUnit.NANOSECONDS);
    }

    void connection() {
        connections.increment();
    }

    void bytesIn(long bytes) {
        bytesIn.increment(bytes);
    }

    void bytesOut(long bytes) {
        bytesOut.increment(bytes);
    }

    void upstreamError() {
        upstreamErrors.increment();
    }

    /** Takes the meters out of the registry (the route is gone). */
    void remove() {
        for (var meter : List.of(requests[0], requests[1], requests[2], requests[3], requests[4], aborted,
                connections, bytesIn, bytesOut, upstreamErrors, duration)) {
            registry.remove(meter);
        }
    }
}
