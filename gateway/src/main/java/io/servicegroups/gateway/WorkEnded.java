package io.servicegroups.gateway;

import java.util.UUID;

/** Told when a unit of work (a request or a connection) of an instance ends, with how much is left. */
@FunctionalInterface
interface WorkEnded {
    WorkEnded IGNORED = (instance, remaining) -> {
    };

    void ended(UUID instance, int remaining);
}
