package io.servicegroups.core;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored instance: a registered backend reachable at {@code address}.
 *
 * @param group         the group it belongs to, or null
 * @param drainDeadline when a draining instance stops at the latest, else null
 */
public record Instance(UUID uuid, String owner, String name, String address, InstanceState state,
                       Instant createdAt, GroupRef group, Instant drainDeadline) {

    /** How an instance answer names its group. */
    public record GroupRef(UUID uuid, String name, String fqdn) {
    }
}
