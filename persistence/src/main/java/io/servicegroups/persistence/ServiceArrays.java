package io.servicegroups.persistence;

import io.servicegroups.core.Handler;
import io.servicegroups.core.PublishedService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A group's services as its row keeps them (migration V5): ports, destination ports and handler names joined
 * by commas, three arrays in the order the services were given.
 */
record ServiceArrays(Integer[] ports, Integer[] destinationPorts, String[] handlers) {

    static ServiceArrays of(List<PublishedService> services) {
        Integer[] ports = new Integer[services.size()];
        Integer[] destinations = new Integer[services.size()];
        String[] handlers = new String[services.size()];
        for (int i = 0; i < services.size(); i++) {
            PublishedService service = services.get(i);
            ports[i] = service.port();
            destinations[i] = service.destinationPort();
            handlers[i] = String.join(",", service.handlers().stream().map(Handler::wireName).toList());
        }
        return new ServiceArrays(ports, destinations, handlers);
    }

    /** The services; none when the arrays are absent (a read without details). */
    List<PublishedService> services() {
        if (ports == null || ports.length == 0) {
            return List.of();
        }
        List<PublishedService> services = new ArrayList<>(ports.length);
        for (int i = 0; i < ports.length; i++) {
            services.add(new PublishedService(ports[i], destinationPorts[i], handlers(handlers[i])));
        }
        return services;
    }

    /** Parsed once per combination: at most 15 (3 handlers, each order); a page of 100 groups reads 100 of them. */
    private static final Map<String, List<Handler>> PARSED = new ConcurrentHashMap<>();

    private static List<Handler> handlers(String names) {
        return PARSED.computeIfAbsent(names, ServiceArrays::parse);
    }

    private static List<Handler> parse(String names) {
        List<Handler> handlers = new ArrayList<>(3);
        for (String name : names.split(",")) {
            handlers.add(Handler.fromWireName(name).orElseThrow(
                    () -> new IllegalStateException("unknown handler in the database: " + name)));
        }
        return List.copyOf(handlers);
    }
}
