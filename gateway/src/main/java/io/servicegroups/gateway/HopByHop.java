package io.servicegroups.gateway;

import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** Headers that belong to one connection (RFC 9110 7.6.1) and are not forwarded. */
final class HopByHop {
    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "proxy-connection",
            "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHop() {
    }

    /** Copies {@code from} into {@code to} without hop-by-hop headers and those that {@code Connection} names. */
    static void copy(MultiMap from, MultiMap to, Set<String> alsoSkip) {
        Set<String> named = connectionNamed(from);
        from.forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!ALWAYS.contains(lower) && !alsoSkip.contains(lower) && (named.isEmpty() || !named.contains(lower))) {
                to.add(name, value);
            }
        });
    }

    private static Set<String> connectionNamed(MultiMap headers) {
        Set<String> named = Set.of();
        for (String value : headers.getAll("connection")) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty()) {
                    if (named.isEmpty()) {
                        named = new HashSet<>();
                    }
                    named.add(name);
                }
            }
        }
        return named;
    }

    /** A WebSocket upgrade request (HTTP/1.1 {@code Upgrade: websocket}). */
    static boolean isWebSocketUpgrade(MultiMap headers) {
        String upgrade = headers.get("upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
