package io.servicegroups.api.json;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.errors.RequestFailure;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * One JSON object of a request, read field by field with strict types. A wrong type or an unknown field
 * fails the whole request (400), naming the field's path, e.g. {@code [2].services[0].port}.
 * JSON {@code null} counts as "not given".
 */
public final class JsonFields {
    private final JsonNode node;
    private final String path;

    private JsonFields(JsonNode node, String path) {
        this.node = node;
        this.path = path;
    }

    public static JsonFields of(JsonNode node, String path, String... allowedFields) {
        if (!node.isObject()) {
            throw RequestFailure.badRequest(label(path) + ": expected an object, got " + describe(node));
        }
        Set<String> allowed = Set.of(allowedFields);
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw RequestFailure.badRequest(child(path, name) + ": unknown field; allowed are "
                        + String.join(", ", allowedFields));
            }
        }
        return new JsonFields(node, path);
    }

    public boolean has(String name) {
        JsonNode value = node.get(name);
        return value != null && !value.isNull();
    }

    public String string(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "a string", value);
        }
        return Texts.withoutNul(child(path, name), value.textValue());
    }

    /** An integral number; one beyond 64 bits is malformed, and the message names the value sent. */
    public Long integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw wrongType(name, "an integer", value);
        }
        if (!value.canConvertToLong()) {
            throw RequestFailure.badRequest(child(path, name) + ": " + Texts.abbreviate(value.asText())
                    + " is out of range (not a 64-bit integer)");
        }
        return value.longValue();
    }

    public Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "true or false", value);
        }
        return value.booleanValue();
    }

    public List<String> strings(String name) {
        JsonNode array = array(name);
        if (array == null) {
            return null;
        }
        List<String> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i);
            if (!value.isTextual()) {
                throw RequestFailure.badRequest(child(path, name) + "[" + i + "]: expected a string, got "
                        + describe(value));
            }
            values.add(Texts.withoutNul(child(path, name) + "[" + i + "]", value.textValue()));
        }
        return values;
    }

    public List<JsonFields> objects(String name, String... allowedFields) {
        JsonNode array = array(name);
        if (array == null) {
            return null;
        }
        List<JsonFields> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            values.add(of(array.get(i), child(path, name) + "[" + i + "]", allowedFields));
        }
        return values;
    }

    /** A nested object, or null. */
    public JsonFields object(String name, String... allowedFields) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        return of(value, child(path, name), allowedFields);
    }

    private JsonNode array(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "an array", value);
        }
        return value;
    }

    private RequestFailure wrongType(String name, String expected, JsonNode value) {
        return RequestFailure.badRequest(child(path, name) + ": expected " + expected + ", got " + describe(value));
    }

    static String child(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static String label(String path) {
        return path.isEmpty() ? "body" : path;
    }

    static String describe(JsonNode value) {
        if (value.isTextual()) {
            String text = value.textValue();
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "\"";
        }
        if (value.isNumber()) {
            return "the number " + value.asText();
        }
        if (value.isBoolean()) {
            return value.asText();
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isObject()) {
            return "an object";
        }
        return "null";
    }
}
