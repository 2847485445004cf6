package io.servicegroups.core;

import java.util.List;

/**
 * A published port of a group: traffic to {@code port} goes to {@code destinationPort} of the instances.
 *
 * @param handlers in the order given at creation, without duplicates
 */
public record PublishedService(int port, int destinationPort, List<Handler> handlers) {
    public PublishedService {
        handlers = List.copyOf(handlers);
    }

    public boolean has(Handler handler) {
        return handlers.contains(handler);
    }
}
