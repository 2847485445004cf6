package io.servicegroups.gateway;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.LeastLoaded;
import io.servicegroups.core.routing.ListenerMode;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One published port of one group, with the running instances that take new work there. Immutable but for
 * the round-robin cursor; loads live in the shared {@link Load}s.
 */
final class Route {
    private final UUID group;
    private final String fqdn;
    private final int port;
    private final ListenerMode mode;
    private final boolean redirect;
    private final ConcurrencyLimits limits;
    private final Target[] targets;
    private final AtomicInteger cursor = new AtomicInteger();
    private volatile RouteMeters meters = RouteMeters.NONE;

    Route(UUID group, String fqdn, int port, ListenerMode mode, boolean redirect, ConcurrencyLimits limits,
          List<Target> targets) {
        this.group = group;
        this.fqdn = fqdn;
        this.port = port;
        this.mode = mode;
        this.redirect = redirect;
        this.limits = limits;
        this.targets = targets.toArray(Target[]::new);
    }

    UUID group() {
        return group;
    }

    String fqdn() {
        return fqdn;
    }

    int port() {
        return port;
    }

    ListenerMode mode() {
        return mode;
    }

    boolean redirect() {
        return redirect;
    }

    /** The meters of this group and port (set before the snapshot is in use). */
    RouteMeters meters() {
        return meters;
    }

    void meters(RouteMeters meters) {
        this.meters = meters;
    }

    boolean hasTargets() {
        return targets.length > 0;
    }

    List<Target> targets() {
        return List.of(targets);
    }

    /**
     * Chooses a target by {@link LeastLoaded} and takes one unit of its load, or answers null when none can
     * take more work. {@code exclude} (may be null) is skipped: a target that just refused a connection.
     */
    Target acquire(Target exclude) {
        int n = targets.length;
        int excluded = LeastLoaded.NONE;
        for (int i = 0; i < n; i++) {
            if (targets[i] == exclude) {
                excluded = i;
            }
        }
        int start = cursor.getAndIncrement();
        long now = System.nanoTime();
        boolean skipEjected = true;
        for (int attempt = 0; attempt < n + 1; attempt++) {
            int[] loads = new int[n];
            boolean anyEjected = false;
            for (int i = 0; i < n; i++) {
                loads[i] = targets[i].load().get();
                if (skipEjected && targets[i].load().ejected(now)) {
                    loads[i] = Integer.MAX_VALUE; // out of rotation, unless every one is
                    anyEjected = true;
                }
            }
            int chosen = LeastLoaded.pick(loads, limits.soft(), limits.hard(), start, excluded);
            if (chosen == LeastLoaded.NONE && anyEjected) {
                skipEjected = false;
                continue;
            }
            if (chosen == LeastLoaded.NONE) {
                return null;
            }
            if (targets[chosen].load().tryAcquire(limits.hard())) {
                return targets[chosen];
            }
        }
        return null;
    }
}
