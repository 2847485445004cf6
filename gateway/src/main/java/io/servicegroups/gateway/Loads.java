package io.servicegroups.gateway;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link Load} of every instance, kept across routing snapshots so that work started under an old snapshot
 * still counts under the new one.
 */
final class Loads {
    private final ConcurrentHashMap<UUID, Load> byInstance = new ConcurrentHashMap<>();
    private final Load.Ejection ejection;

    Loads() {
        this(Load.Ejection.DEFAULT);
    }

    Loads(Load.Ejection ejection) {
        this.ejection = ejection;
    }

    Load of(UUID instance) {
        return byInstance.computeIfAbsent(instance, id -> new Load(ejection));
    }

    /** Open work on this replica over every instance. */
    int total() {
        int total = 0;
        for (Load load : byInstance.values()) {
            total += load.get();
        }
        return total;
    }

    int current(UUID instance) {
        Load load = byInstance.get(instance);
        return load == null ? 0 : load.get();
    }

    /** Forgets idle instances that are no longer routed (open work keeps its own reference). */
    void retainOnly(Set<UUID> routed) {
        byInstance.entrySet().removeIf(entry -> !routed.contains(entry.getKey()) && entry.getValue().get() == 0);
    }
}
