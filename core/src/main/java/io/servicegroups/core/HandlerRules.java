package io.servicegroups.core;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Port and handler rules of SPEC 3.3:
 * <ol>
 *   <li>port 80: must have http, must not have tls;</li>
 *   <li>port 443: must have http and tls;</li>
 *   <li>redirect only on port 80, and only to destination port 443;</li>
 *   <li>every other port: must have tls, must not have http.</li>
 * </ol>
 * Every rule needs at least one handler, so an empty list is invalid.
 */
public final class HandlerRules {
    public static final int HTTP_PORT = 80;
    public static final int HTTPS_PORT = 443;
    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    private HandlerRules() {
    }

    /** Validates one requested service; {@code field} is its path, e.g. {@code services[0]}. */
    public static PublishedService check(String field, ServiceSpec spec) {
        if (spec.port() == null) {
            throw RuleViolation.invalid(field + ".port: is required");
        }
        int port = checkPort(field + ".port", spec.port());
        int destination = spec.destinationPort() == null ? port : checkPort(field + ".destination_port",
                spec.destinationPort());
        List<Handler> handlers = parse(field + ".handlers", spec.handlers());
        Set<Handler> set = EnumSet.noneOf(Handler.class);
        set.addAll(handlers);
        checkCombination(field + ".handlers", port, destination, set);
        return new PublishedService(port, destination, handlers);
    }

    static int checkPort(String field, long value) {
        if (value < MIN_PORT || value > MAX_PORT) {
            throw RuleViolation.invalid(field + ": " + value + " is out of range, ports are "
                    + MIN_PORT + "-" + MAX_PORT);
        }
        return (int) value;
    }

    private static List<Handler> parse(String field, List<String> names) {
        List<Handler> handlers = new ArrayList<>();
        if (names == null) {
            return handlers;
        }
        for (String name : names) {
            if (name == null) {
                throw RuleViolation.invalid(field + ": a handler must be a name, got null");
            }
            Handler handler = Handler.fromWireName(name).orElseThrow(() -> RuleViolation.invalid(field
                    + ": unknown handler \"" + Text.abbreviate(name) + "\", known are tls, http and redirect"));
            if (handlers.contains(handler)) {
                throw RuleViolation.invalid(field + ": handler \"" + name + "\" is given twice");
            }
            handlers.add(handler);
        }
        return handlers;
    }

    private static void checkCombination(String field, int port, int destination, Set<Handler> handlers) {
        boolean tls = handlers.contains(Handler.TLS);
        boolean http = handlers.contains(Handler.HTTP);
        if (handlers.contains(Handler.REDIRECT) && (port != HTTP_PORT || destination != HTTPS_PORT)) {
            throw RuleViolation.invalid(field + ": \"redirect\" is only allowed on port 80 with destination_port 443"
                    + " (got port " + port + ", destination_port " + destination + ")");
        }
        if (port == HTTP_PORT && (!http || tls)) {
            throw RuleViolation.invalid(field + ": port 80 requires \"http\" and must not have \"tls\""
                    + given(handlers));
        }
        if (port == HTTPS_PORT && (!http || !tls)) {
            throw RuleViolation.invalid(field + ": port 443 requires both \"tls\" and \"http\"" + given(handlers));
        }
        if (port != HTTP_PORT && port != HTTPS_PORT && (!tls || http)) {
            throw RuleViolation.invalid(field + ": port " + port + " requires \"tls\" and must not have \"http\""
                    + " (only ports 80 and 443 take \"http\")" + given(handlers));
        }
    }

    private static String given(Set<Handler> handlers) {
        if (handlers.isEmpty()) {
            return " (no handlers given)";
        }
        return " (given: " + String.join(", ", handlers.stream().map(Handler::wireName).toList()) + ")";
    }
}
