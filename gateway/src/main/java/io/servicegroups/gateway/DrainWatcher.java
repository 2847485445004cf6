package io.servicegroups.gateway;

import io.smallrye.mutiny.Uni;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Stops a draining instance as soon as it has no open work on this gateway: when its last request or connection
 * ends, or at once when it starts draining with none. The stop goes through the same transition the deadline
 * uses ({@code draining → stopped}, a no-op if the instance changed meanwhile) and publishes its change event.
 */
final class DrainWatcher implements WorkEnded, Consumer<RoutingSnapshot> {
    private static final Logger LOG = Logger.getLogger(DrainWatcher.class);

    private final Supplier<RoutingSnapshot> routes;
    private final Loads loads;
    private final Function<UUID, Uni<Boolean>> stopDrained;
    private final Set<UUID> stopping = ConcurrentHashMap.newKeySet();

    DrainWatcher(Supplier<RoutingSnapshot> routes, Loads loads, Function<UUID, Uni<Boolean>> stopDrained) {
        this.routes = routes;
        this.loads = loads;
        this.stopDrained = stopDrained;
    }

    @Override
    public void ended(UUID instance, int remaining) {
        if (remaining == 0 && routes.get().draining().contains(instance)) {
            stop(instance);
        }
    }

    @Override
    public void accept(RoutingSnapshot snapshot) {
        stopping.retainAll(snapshot.draining());
        for (UUID instance : snapshot.draining()) {
            if (loads.current(instance) == 0) {
                stop(instance);
            }
        }
    }

    private void stop(UUID instance) {
        if (!stopping.add(instance)) {
            return;
        }
        stopDrained.apply(instance).subscribe().with(
                stopped -> LOG.debugf("gateway: instance %s drained%s", instance, stopped ? " and stopped" : ""),
                failure -> {
                    stopping.remove(instance);
                    LOG.warnf("gateway: could not stop drained instance %s (its deadline will): %s", instance,
                            failure.getMessage());
                });
    }
}
