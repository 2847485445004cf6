package io.servicegroups.gateway;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import io.vertx.core.MultiMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/** Headers that belong to one connection (RFC 9110 7.6.1) and are not forwarded. */
final class HopByHop {
    /** Request headers a backend gets from the gateway only: {@code Expect} is answered here, the rest is set here. */
    static final String[] SET_BY_GATEWAY = {"expect", "x-forwarded-proto", "x-forwarded-host"};

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

    private static boolean forwarded(CharSequence name, Set<String> named, String[] alsoSkip) {
        if (name.length() == 0 || name.charAt(0) == ':' || always(name)) {
            return false; // HTTP/2 pseudo-headers stay behind too
        }
        for (String skipped : alsoSkip) {
            if (is(name, skipped)) {
                return false;
            }
        }
        return named.isEmpty() || !named.contains(name.toString().toLowerCase(Locale.ROOT));
    }

    /** The headers that are hop-by-hop whatever {@code Connection} says (compared without allocating). */
    static boolean always(CharSequence name) {
        return switch (name.length()) {
            case 2 -> is(name, "te");
            case 7 -> is(name, "upgrade") || is(name, "trailer");
            case 10 -> is(name, "connection") || is(name, "keep-alive");
            case 16 -> is(name, "proxy-connection");
            case 17 -> is(name, "transfer-encoding");
            case 18 -> is(name, "proxy-authenticate");
            case 19 -> is(name, "proxy-authorization");
            default -> false;
        };
    }

    private static boolean is(CharSequence name, String lowerCase) {
        return AsciiString.contentEqualsIgnoreCase(name, lowerCase);
    }

    /**
     * Removes, in place, the hop-by-hop headers, those that {@code Connection} names and {@code alsoSkip}: for a
     * message passed on whole (the HTTP/1 path), where copying every header would cost more than the few removals.
     */
    static void strip(HttpHeaders headers, String... alsoSkip) {
        Set<String> named = connectionNamed(headers.getAll(HttpHeaderNames.CONNECTION));
        List<CharSequence> removed = null;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            CharSequence name = it.next().getKey();
            if (!forwarded(name, named, alsoSkip)) {
                if (removed == null) {
                    removed = new ArrayList<>(4);
                }
                removed.add(name);
            }
        }
        if (removed != null) {
            for (CharSequence name : removed) {
                headers.remove(name);
            }
        }
    }

    private static Set<String> connectionNamed(List<String> values) {
        Set<String> named = Set.of();
        for (String value : values) {
            for (String token : value.split(",")) {
                String name = token.strip().toLowerCase(Locale.ROOT);
                if (!name.isEmpty() && !always(name) && !name.equals("close")) { // options, not extra names
                    if (named.isEmpty()) {
                        named = new HashSet<>();
                    }
                    named.add(name);
                }
            }
        }
        return named;
    }

    /** Whether the connection stays open after {@code message}, as {@link HttpUtil#isKeepAlive} but quicker for the usual values. */
    static boolean keepAlive(HttpMessage message) {
        String connection = message.headers().get(HttpHeaderNames.CONNECTION);
        if (connection == null) {
            return message.protocolVersion().isKeepAliveDefault();
        }
        if (connection.equalsIgnoreCase("keep-alive")) {
            return true;
        }
        return !connection.equalsIgnoreCase("close") && HttpUtil.isKeepAlive(message);
    }

    /** A WebSocket upgrade request (HTTP/1.1 {@code Upgrade: websocket}). */
    static boolean isWebSocketUpgrade(MultiMap headers) {
        String upgrade = headers.get("upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}
