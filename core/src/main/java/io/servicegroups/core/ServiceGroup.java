package io.servicegroups.core;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored service group.
 *
 * @param instances uuids of the attached instances, in order of attachment
 */
public record ServiceGroup(UUID uuid, String owner, String name, String fqdn, Instant createdAt,
                           List<PublishedService> services, List<UUID> instances, boolean persistent,
                           ConcurrencyLimits limits) {
    public ServiceGroup {
        services = List.copyOf(services);
        instances = List.copyOf(instances);
    }
}
