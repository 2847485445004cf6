package io.servicegroups.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's meters (README, "Metrics"): per group and port ({@link RouteMeters}, attached to each route of a
 * new snapshot before it is used), per instance (in-flight work, ejection), and per replica (snapshot version and
 * age, change-event lag: from the database's NOTIFY to the snapshot that includes it).
 */
final class GatewayMetrics {
    private record RouteKey(UUID group, int port) {
    }

    private final MeterRegistry registry;
    private final Loads loads;
    private final Map<RouteKey, RouteMeters> routes = new HashMap<>();
    private final Map<UUID, List<Meter>> instances = new HashMap<>();
    private final Queue<Long> seen = new ConcurrentLinkedQueue<>();
    private final List<Long> reading = new ArrayList<>();
    private final Timer lag;
    private final Counter unrouted;
    private volatile long version;
    private volatile long swappedAt = System.nanoTime();

    GatewayMetrics(MeterRegistry registry, Loads loads) {
        this.registry = direct(registry);
        this.loads = loads;
        Gauge.builder("sg.gateway.snapshot.version", this, m -> m.version)
                .description("Version of the routing snapshot in use on this replica").register(registry);
        Gauge.builder("sg.gateway.snapshot.age", this, m -> (System.nanoTime() - m.swappedAt) / 1e9)
                .description("Seconds since the routing snapshot was last read").baseUnit("seconds")
                .register(registry);
        lag = Timer.builder("sg.gateway.change.lag")
                .description("From a change event's NOTIFY to the routing snapshot that includes it")
                .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
                        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1),
                        Duration.ofSeconds(5))
                .register(registry);
        unrouted = Counter.builder("sg.gateway.unrouted").description("Requests and connections for no group")
                .register(registry);
    }

    /**
     * The one registry behind a composite that holds only it (Quarkus: Prometheus), so that a request's counters
     * are incremented directly rather than through the composite's per-call fan-out.
     */
    static MeterRegistry direct(MeterRegistry registry) {
        if (registry instanceof CompositeMeterRegistry composite && composite.getRegistries().size() == 1) {
            return composite.getRegistries().iterator().next();
        }
        return registry;
    }

    MeterRegistry registry() {
        return registry;
    }

    Counter unrouted() {
        return unrouted;
    }

    /** Attaches meters to every route of {@code next} and drops those of routes and instances gone. */
    synchronized void prepare(RoutingSnapshot next) {
        Set<RouteKey> present = new HashSet<>();
        for (Route route : next.routes()) {
            RouteKey key = new RouteKey(route.group(), route.port());
            present.add(key);
            route.meters(routes.computeIfAbsent(key, k -> RouteMeters.of(registry, route)));
        }
        routes.entrySet().removeIf(entry -> {
            if (!present.contains(entry.getKey())) {
                entry.getValue().remove();
                return true;
            }
            return false;
        });
        for (UUID instance : next.instances()) {
            instances.computeIfAbsent(instance, this::instanceMeters);
        }
        instances.entrySet().removeIf(entry -> {
            if (!next.instances().contains(entry.getKey())) {
                entry.getValue().forEach(registry::remove);
                return true;
            }
            return false;
        });
        version = next.version();
        swappedAt = System.nanoTime();
        long now = System.currentTimeMillis();
        for (long at : reading) {
            lag.record(Math.max(0, now - at), TimeUnit.MILLISECONDS);
        }
        reading.clear();
    }

    private List<Meter> instanceMeters(UUID instance) {
        Load load = loads.of(instance);
        String id = instance.toString();
        return List.of(
                Gauge.builder("sg.gateway.instance.in.flight", load, Load::get).tag("instance", id)
                        .description("Open requests and connections of an instance on this replica")
                        .strongReference(true).register(registry),
                Gauge.builder("sg.gateway.instance.ejected", load, l -> l.ejectedNow() ? 1 : 0).tag("instance", id)
                        .description("1 while the instance is out of rotation after consecutive failures")
                        .strongReference(true).register(registry),
                FunctionCounter.builder("sg.gateway.instance.ejections", load, Load::ejections).tag("instance", id)
                        .description("Times the instance was taken out of rotation").register(registry));
    }

    /** A change event published by the database at {@code atMillis} (epoch ms; 0: unknown) arrived. */
    void changeEvent(long atMillis) {
        if (atMillis > 0) {
            seen.add(atMillis);
        }
    }

    /** A read of the database starts: the events seen so far are in the snapshot it builds. */
    synchronized void reading() {
        Long at;
        while ((at = seen.poll()) != null) {
            reading.add(at);
        }
    }
}
