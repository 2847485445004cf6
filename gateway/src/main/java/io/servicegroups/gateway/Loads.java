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

    Load of(UUID instance) {
        return byInstance.computeIfAbsent(instance, id -> new Load());
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
