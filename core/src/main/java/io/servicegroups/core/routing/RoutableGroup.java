package io.servicegroups.core.routing;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.InstanceState;
import io.servicegroups.core.PublishedService;
import java.util.List;
import java.util.UUID;

/**
 * What the gateway needs of a group: its FQDN, published ports, limits, and the instances that are not stopped
 * (running ones take new work; draining ones only finish theirs), in order of attachment.
 */
public record RoutableGroup(UUID uuid, String fqdn, List<PublishedService> services, ConcurrencyLimits limits,
                            List<Backend> backends) {
    public RoutableGroup {
        services = List.copyOf(services);
        backends = List.copyOf(backends);
    }

    /** An instance as a traffic target: {@code address:destination_port} of each published port. */
    public record Backend(UUID instance, String address, InstanceState state) {
        public boolean takesNewWork() {
            return state == InstanceState.RUNNING;
        }
    }
}
