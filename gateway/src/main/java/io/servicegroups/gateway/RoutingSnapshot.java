package io.servicegroups.gateway;

import io.servicegroups.core.InstanceState;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.routing.HostNames;
import io.servicegroups.core.routing.ListenerMode;
import io.servicegroups.core.routing.RoutableGroup;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The immutable routing table: published port → FQDN → {@link Route}. A request reads the current snapshot
 * without locks; a change builds a new one.
 */
final class RoutingSnapshot {
    static final RoutingSnapshot EMPTY = new RoutingSnapshot(0, Map.of(), Set.of(), Set.of());

    private final long version;
    private final Map<Integer, Port> ports;
    private final Set<UUID> draining;
    private final Set<UUID> instances;

    /** The routes of one published port, and how it is spoken. */
    record Port(int port, ListenerMode mode, Map<String, Route> byFqdn) {
    }

    private RoutingSnapshot(long version, Map<Integer, Port> ports, Set<UUID> draining, Set<UUID> instances) {
        this.version = version;
        this.ports = ports;
        this.draining = draining;
        this.instances = instances;
    }

    static RoutingSnapshot build(long version, List<RoutableGroup> groups, Loads loads) {
        Map<Integer, ListenerMode> modes = new HashMap<>();
        Map<Integer, Map<String, Route>> routes = new HashMap<>();
        Set<UUID> draining = new HashSet<>();
        Set<UUID> instances = new HashSet<>();
        for (RoutableGroup group : groups) {
            String fqdn = HostNames.fromServerName(group.fqdn());
            for (RoutableGroup.Backend backend : group.backends()) {
                instances.add(backend.instance());
                if (backend.state() == InstanceState.DRAINING) {
                    draining.add(backend.instance());
                }
            }
            for (PublishedService service : group.services()) {
                ListenerMode mode = ListenerMode.of(service);
                if (modes.putIfAbsent(service.port(), mode) != null && modes.get(service.port()) != mode) {
                    continue; // the handler rules make this impossible; the first group's mode stands
                }
                List<Target> targets = new ArrayList<>();
                for (RoutableGroup.Backend backend : group.backends()) {
                    if (backend.takesNewWork()) {
                        targets.add(Target.of(backend.instance(), backend.address(), service.destinationPort(),
                                loads.of(backend.instance())));
                    }
                }
                routes.computeIfAbsent(service.port(), p -> new HashMap<>()).put(fqdn, new Route(group.uuid(), fqdn,
                        service.port(), mode, ListenerMode.redirects(service), group.limits(), targets));
            }
        }
        Map<Integer, Port> ports = new HashMap<>();
        routes.forEach((port, byFqdn) -> ports.put(port, new Port(port, modes.get(port), Map.copyOf(byFqdn))));
        return new RoutingSnapshot(version, Collections.unmodifiableMap(ports), Set.copyOf(draining),
                Set.copyOf(instances));
    }

    long version() {
        return version;
    }

    /** Every published port and how it is spoken. */
    Map<Integer, ListenerMode> ports() {
        Map<Integer, ListenerMode> modes = new HashMap<>();
        ports.forEach((port, table) -> modes.put(port, table.mode()));
        return modes;
    }

    /** Every route of every port. */
    List<Route> routes() {
        List<Route> all = new ArrayList<>();
        ports.values().forEach(table -> all.addAll(table.byFqdn().values()));
        return all;
    }

    /** The route for {@code host} (already normalised by {@link HostNames}) on {@code port}, or null. */
    Route route(int port, String host) {
        if (host == null) {
            return null;
        }
        Port table = ports.get(port);
        return table == null ? null : table.byFqdn().get(host);
    }

    /** Instances that are draining: they take no new work, and stop when their open work ends. */
    Set<UUID> draining() {
        return draining;
    }

    /** Every instance that is running or draining in a routed group. */
    Set<UUID> instances() {
        return instances;
    }
}
