package io.servicegroups.core;

import java.util.Locale;

/**
 * Backend addresses: a host name, an IPv4 address or an IPv6 address (without brackets or port: the port
 * comes from the group's {@code destination_port}). Checked as text only, never resolved.
 */
public final class Addresses {
    private Addresses() {
    }

    /** The address in canonical form (host names lowercase, no trailing dot); blanks around it are invalid. */
    public static String check(String field, String value) {
        String address = value == null ? "" : value;
        if (address.isBlank()) {
            throw RuleViolation.invalid(field + ": must not be empty");
        }
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            if (c <= 0x20 || c == 0x7f) {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" contains "
                        + Text.describe(c) + "; give the address alone, without blanks or control characters");
            }
        }
        if (address.indexOf(':') >= 0) {
            if (!isIpv6(address)) {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" is not an IPv6 address"
                        + " (give the address alone: the port comes from the service group's destination_port)");
            }
            return address.toLowerCase(Locale.ROOT);
        }
        String host = address.endsWith(".") ? address.substring(0, address.length() - 1) : address;
        if (host.isEmpty() || host.equals(".")) {
            throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" has an empty label");
        }
        if (looksNumeric(host)) {
            if (!isIpv4(host)) {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" is not a valid IPv4 address");
            }
            return host;
        }
        for (int i = 0; i < host.length(); i++) {
            if (host.charAt(i) > 0x7e) {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" contains "
                        + Text.describe(host.charAt(i)) + "; only ASCII host names are allowed");
            }
        }
        String lower = host.toLowerCase(Locale.ROOT);
        DnsNames.checkName(field, lower);
        if (looksNumeric(lower.substring(lower.lastIndexOf('.') + 1))) {
            throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" is neither an IPv4 address"
                    + " nor a host name (the last label of a host name cannot be all digits)");
        }
        return lower;
    }

    private static boolean looksNumeric(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c != '.' && (c < '0' || c > '9')) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv4(String value) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < part.length(); i++) {
                if (part.charAt(i) < '0' || part.charAt(i) > '9') {
                    return false;
                }
            }
            if (Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpv6(String value) {
        int doubleColon = value.indexOf("::");
        if (doubleColon >= 0 && value.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] groups = value.split(":", -1);
        int count = 0;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            boolean last = i == groups.length - 1;
            if (group.isEmpty()) {
                continue;
            }
            if (last && group.indexOf('.') >= 0) {
                if (!isIpv4(group)) {
                    return false;
                }
                count += 2;
                continue;
            }
            if (group.length() > 4 || !group.chars().allMatch(Addresses::isHexDigit)) {
                return false;
            }
            count++;
        }
        if (doubleColon >= 0) {
            return count < 8 && wellPlacedEmptyGroups(value);
        }
        return count == 8 && !value.startsWith(":") && !value.endsWith(":");
    }

    private static boolean isHexDigit(int c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** Empty groups only as the one "::" (a single leading or trailing ':' is malformed). */
    private static boolean wellPlacedEmptyGroups(String value) {
        String rest = value.replace("::", "#");
        return !rest.startsWith(":") && !rest.endsWith(":") && !rest.contains("::");
    }
}
