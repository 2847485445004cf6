package io.servicegroups.gateway;

import java.util.function.Supplier;

/** What both HTTP paths of one listener share: its published port, whether it is TLS, its routes and its pool. */
record HttpListener(int port, boolean tls, Supplier<RoutingSnapshot> routes, BackendPool pool, WorkEnded ended,
                    Fleet fleet) {
    /** The route of {@code host} (already normalised) on this port, or null. */
    Route route(String host) {
        return routes.get().route(port, host);
    }

    /** A new exchange's accounting, holding the unit of {@code target} it was given. */
    Forwarding forwarding(Route route, Target target) {
        return new Forwarding(route, new Work(target, ended), fleet);
    }
}
