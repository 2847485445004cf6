package io.servicegroups.core.routing;

import java.util.Locale;

/**
 * Turns what a client names (a Host header, an :authority, an SNI name) into the key routes are stored under:
 * lower case, no port suffix, no trailing dot. Answers null for names that can never match a group.
 */
public final class HostNames {
    private HostNames() {
    }

    /** {@code Shop.Example.com:8080} → {@code shop.example.com}; null for null, empty or bracketed IPv6 hosts. */
    public static String fromAuthority(String authority) {
        if (authority == null) {
            return null;
        }
        String host = authority.strip();
        if (host.startsWith("[")) {
            return null; // an IPv6 literal never names a group
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0) {
            if (host.indexOf(':') != colon || !digits(host, colon + 1)) {
                return null;
            }
            host = host.substring(0, colon);
        }
        return fromServerName(host);
    }

    /** An SNI or host name without port: lower case, trailing dot dropped; null when empty. */
    public static String fromServerName(String name) {
        if (name == null) {
            return null;
        }
        String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (host.isEmpty()) {
            return null;
        }
        return host.toLowerCase(Locale.ROOT);
    }

    /** The host part of an authority as the client wrote it (port dropped), for a redirect's Location. */
    public static String withoutPort(String authority) {
        String host = authority.strip();
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(':') == colon && digits(host, colon + 1)) {
            return host.substring(0, colon);
        }
        return host;
    }

    private static boolean digits(String text, int from) {
        if (from >= text.length()) {
            return true; // "host:" — an empty port is tolerated, as browsers do
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
