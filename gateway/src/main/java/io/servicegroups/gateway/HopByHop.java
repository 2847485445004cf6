package io.servicegroups.gateway;

import io.netty.handler.codec.http.HttpHeaders;
import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Headers that belong to one connection (RFC 9110 7.6.1) and are not forwarded. */
final class HopByHop {
    private HopByHop() {
    }

    /** Copies {@code from} into {@code to} without hop-by-hop headers, those that {@code Connection} names and {@code alsoSkip}. */
    static void copy(MultiMap from, MultiMap to, String... alsoSkip) {
        copy(from, from.getAll("connection"), to::add, alsoSkip);
    }

    /** The same from a client's request (Vert.x) to a backend request (Netty). */
    static void copy(MultiMap from, HttpHeaders to, String... alsoSkip) {
        copy(from, from.getAll("connection"), to::add, alsoSkip);
    }

    /** The same from a backend's answer (Netty) to the client's response (Vert.x). */
    static void copy(HttpHeaders from, MultiMap to) {
        copy(from, from.getAll("connection"), to::add);
    }

    private static void copy(Iterable<Map.Entry<String, String>> from, List<String> connection,
                             BiConsumer<String, String> to, String... alsoSkip) {
        Set<String> named = connectionNamed(connection);
        for (Map.Entry<String, String> header : from) {
            String name = header.getKey();
            if (forwarded(name, named, alsoSkip)) {
                to.accept(name, header.getValue());
            }
        }
    }

    private static boolean forwarded(String name, Set<String> named, String[] alsoSkip) {
        if (name.isEmpty() || name.charAt(0) == ':' || always(name)) {
            return false; // HTTP/2 pseudo-headers stay behind too
        }
        for (String skipped : alsoSkip) {
            if (skipped.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return named.isEmpty() || !named.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The headers that are hop-by-hop whatever {@code Connection} says (compared without allocating). */
    static boolean always(String name) {
        return switch (name.length()) {
            case 2 -> name.equalsIgnoreCase("te");
            case 7 -> name.equalsIgnoreCase("upgrade") || name.equalsIgnoreCase("trailer");
            case 10 -> name.equalsIgnoreCase("connection") || name.equalsIgnoreCase("keep-alive");
            case 16 -> name.equalsIgnoreCase("proxy-connection");
            case 17 -> name.equalsIgnoreCase("transfer-encoding");
            case 18 -> name.equalsIgnoreCase("proxy-authenticate");
            case 19 -> name.equalsIgnoreCase("proxy-authorization");
            default -> false;
        };
    }

    private static Set<String> connectionNamed(List<String> values) {
        Set<String> named = Set.of();
        for (String value : values) {
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
