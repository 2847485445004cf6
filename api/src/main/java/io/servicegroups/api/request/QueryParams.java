package io.servicegroups.api.request;

import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.json.Texts;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.Uuids;
import java.util.List;
import java.util.UUID;

/** Query parameters parsed by hand: JAX-RS would answer 404 to a value it cannot convert. */
public final class QueryParams {
    private QueryParams() {
    }

    /** A text parameter as given; U+0000 is refused (400). */
    public static String text(String name, String value) {
        return Texts.withoutNul("query parameter " + name, value);
    }

    /** Repeatable text parameters as given; U+0000 is refused (400). */
    public static List<String> texts(String name, List<String> values) {
        values.forEach(value -> text(name, value));
        return values;
    }

    public static Boolean bool(String name, String value) {
        if (value == null) {
            return null;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        throw RequestFailure.badRequest("query parameter " + name + ": expected true or false, got \""
                + abbreviate(value) + "\"");
    }

    public static Long integer(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw RequestFailure.badRequest("query parameter " + name + ": expected an integer, got \""
                    + abbreviate(value) + "\"");
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null) {
            return null;
        }
        return Uuids.parse(value).orElseThrow(() -> RequestFailure.badRequest(name + ": \"" + abbreviate(value)
                + "\" is not a valid UUID"));
    }

    /** The "list all" page from {@code count} and {@code from}. */
    public static PageRequest page(String count, String from) {
        try {
            return PageRequest.of(integer("count", count), uuid("from", from));
        } catch (RuleViolation e) {
            throw RequestFailure.of(e);
        }
    }

    /** {@code ?details=false} asks for uuid and name only. */
    public static boolean details(String value) {
        return !Boolean.FALSE.equals(bool("details", value));
    }

    private static String abbreviate(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
