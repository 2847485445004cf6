package io.servicegroups.core;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** DNS name resolution and validation under a metro domain (SPEC 3.4). */
public final class DnsNames {
    public static final int MAX_NAME_LENGTH = 253;
    public static final int MAX_LABEL_LENGTH = 63;
    public static final int RANDOM_SUFFIX_LENGTH = 8;
    public static final List<String> DEFAULT_RESERVED_LABELS = List.of("www", "api", "admin", "mail", "status");

    private final String metroDomain;
    private final Set<String> reservedLabels;

    /** Longest metro domain that leaves room for a full label in front of it. */
    public static final int MAX_METRO_DOMAIN_LENGTH = MAX_NAME_LENGTH - MAX_LABEL_LENGTH - 1;

    /** A DNS name as requested, with the field it came from ({@code dns_name} or {@code domains[0].name}). */
    public record Requested(String field, String value) {
    }

    public DnsNames(String metroDomain, Collection<String> reservedLabels) {
        rejectNonAscii("metro domain", metroDomain);
        String domain = metroDomain.toLowerCase(Locale.ROOT);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        checkName("metro domain", domain);
        if (domain.length() > MAX_METRO_DOMAIN_LENGTH) {
            throw new RuleViolation(ErrorCode.TOO_LONG, "metro domain: \"" + Text.abbreviate(domain) + "\" is "
                    + domain.length() + " characters long; at most " + MAX_METRO_DOMAIN_LENGTH
                    + " leave room for group names");
        }
        this.metroDomain = domain;
        this.reservedLabels = reservedLabels.stream()
                .map(label -> label.trim().toLowerCase(Locale.ROOT))
                .filter(label -> !label.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    public String metroDomain() {
        return metroDomain;
    }

    public Set<String> reservedLabels() {
        return reservedLabels;
    }

    /**
     * The DNS name of a new group.
     *
     * @param requested     the DNS name given, or null
     * @param givenName     the {@code name} given, or null
     * @param effectiveName the group's name (given or generated)
     */
    public DnsName resolve(Requested requested, String givenName, String effectiveName, RandomSource random) {
        if (requested != null) {
            return fromRequest(requested.field(), requested.value());
        }
        if (givenName != null) {
            return new DnsName(derivedLabel(givenName, random) + "." + metroDomain, false);
        }
        return new DnsName(effectiveName + "." + metroDomain, false);
    }

    /** {@code <name>-<random8>}, the name cut so that the label stays within 63 characters. */
    static String derivedLabel(String name, RandomSource random) {
        int room = MAX_LABEL_LENGTH - RANDOM_SUFFIX_LENGTH - 1;
        String prefix = name.length() <= room ? name : name.substring(0, room);
        while (prefix.endsWith("-")) {
            prefix = prefix.substring(0, prefix.length() - 1);
        }
        return prefix + "-" + random.alphanumeric(RANDOM_SUFFIX_LENGTH);
    }

    /** Validates and expands a requested DNS name; {@code field} names it in messages. */
    public DnsName fromRequest(String field, String requested) {
        rejectNonAscii(field, requested);
        String value = requested.toLowerCase(Locale.ROOT);
        if (!value.endsWith(".")) {
            checkRelative(field, requested, value);
            return checked(field, new DnsName(value + "." + metroDomain, false));
        }
        String absolute = value.substring(0, value.length() - 1);
        if (absolute.equals(metroDomain) || metroDomain.endsWith("." + absolute)) {
            throw new RuleViolation(ErrorCode.NOT_ALLOWED,
                    field + ": \"" + requested + "\" is the metro domain or one of its parents");
        }
        String metroSuffix = "." + metroDomain;
        if (absolute.endsWith(metroSuffix)) {
            checkRelative(field, requested, absolute.substring(0, absolute.length() - metroSuffix.length()));
            return checked(field, new DnsName(absolute, false));
        }
        checkName(field, absolute);
        if (absolute.indexOf('.') < 0) {
            throw RuleViolation.invalid(field + ": \"" + requested
                    + "\" must have at least two labels to be used as a fully-qualified name");
        }
        return new DnsName(absolute, true);
    }

    /** Before case-folding: some non-ASCII characters fold to ASCII ones (U+212A KELVIN SIGN to 'k'). */
    private static void rejectNonAscii(String field, String requested) {
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c > 0x7e) {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(requested) + "\" contains "
                        + Text.describe(c) + "; only ASCII is allowed (use punycode for international names)");
            }
        }
    }

    private void checkRelative(String field, String requested, String relative) {
        checkName(field, relative);
        String topLabel = relative.substring(relative.lastIndexOf('.') + 1);
        if (reservedLabels.contains(topLabel)) {
            throw new RuleViolation(ErrorCode.NOT_ALLOWED, field + ": \"" + requested + "\" uses the reserved name \""
                    + topLabel + "\" directly under " + metroDomain);
        }
    }

    private static DnsName checked(String field, DnsName name) {
        checkLength(field, name.fqdn());
        return name;
    }

    /** Label and length rules for a dot-separated name (without trailing dot). */
    static void checkName(String field, String name) {
        if (name.isEmpty()) {
            throw RuleViolation.invalid(field + ": must not be empty");
        }
        int start = 0;
        while (true) {
            int dot = name.indexOf('.', start);
            int end = dot < 0 ? name.length() : dot;
            checkLabel(field, name, name.substring(start, end));
            if (dot < 0) {
                break;
            }
            start = dot + 1;
        }
        checkLength(field, name);
    }

    private static void checkLength(String field, String fqdn) {
        if (fqdn.length() > MAX_NAME_LENGTH) {
            throw new RuleViolation(ErrorCode.TOO_LONG, field + ": the full DNS name \"" + Text.abbreviate(fqdn)
                    + "\" is " + fqdn.length() + " characters long, at most " + MAX_NAME_LENGTH + " are allowed");
        }
    }

    private static void checkLabel(String field, String name, String label) {
        String shown = "\"" + Text.abbreviate(name) + "\"";
        if (label.isEmpty()) {
            throw RuleViolation.invalid(field + ": " + shown + " has an empty label");
        }
        if (label.length() > MAX_LABEL_LENGTH) {
            throw new RuleViolation(ErrorCode.TOO_LONG, field + ": label \"" + Text.abbreviate(label) + "\" is "
                    + label.length() + " characters long, at most " + MAX_LABEL_LENGTH + " are allowed");
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!Names.isLowerAlnum(c) && c != '-') {
                throw RuleViolation.invalid(field + ": " + shown + " contains " + Text.describe(c)
                        + "; labels take letters a-z, digits and '-' (use punycode for international names)");
            }
        }
        if (label.startsWith("-") || label.endsWith("-")) {
            throw RuleViolation.invalid(field + ": label \"" + label + "\" must not start or end with '-'");
        }
    }

    /**
     * The form in which FQDNs are stored and compared: ASCII letters lowercased (others kept, so that they
     * match nothing rather than fold onto ASCII), without trailing dot.
     */
    public static String normalize(String fqdn) {
        String value = fqdn.trim();
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
        }
        return out.length() > 0 && out.charAt(out.length() - 1) == '.' ? out.substring(0, out.length() - 1)
                : out.toString();
    }
}
