package io.servicegroups.api.json;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * JSON written straight into UTF-8 bytes, for the answers' envelope ({@link EnvelopeBodyWriter}). Escapes strings
 * the way Jackson does (short forms for {@code \b \t \n \f \r}, six-character escapes of four upper-case hex
 * digits for other control characters), so its output is the same bytes; a lone surrogate is escaped likewise.
 * A value or field written after another gets its comma by itself.
 */
public final class JsonOut {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes();
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes();
    private static final byte[] NULL = "null".getBytes();
    private static final byte[] TRUE = "true".getBytes();
    private static final byte[] FALSE = "false".getBytes();

    private byte[] bytes;
    private int size;

    public JsonOut(int capacity) {
        bytes = new byte[Math.max(capacity, 16)];
    }

    /** The quoted name and its colon, ready for {@link #field}: {@code "name":} in bytes. */
    public static byte[] name(String name) {
        return ('"' + name + "\":").getBytes();
    }

    public JsonOut startObject() {
        separate();
        return put((byte) '{');
    }

    public JsonOut endObject() {
        return put((byte) '}');
    }

    public JsonOut startArray() {
        separate();
        return put((byte) '[');
    }

    public JsonOut endArray() {
        return put((byte) ']');
    }

    /** A field's name (from {@link #name}); its value follows. */
    public JsonOut field(byte[] name) {
        separate();
        return put(name);
    }

    public JsonOut nullValue() {
        separate();
        return put(NULL);
    }

    public JsonOut value(boolean value) {
        separate();
        return put(value ? TRUE : FALSE);
    }

    public JsonOut value(long value) {
        separate();
        return put(Long.toString(value).getBytes());
    }

    public JsonOut value(UUID value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        ensure(38);
        bytes[size++] = '"';
        hex(value.getMostSignificantBits() >>> 32, 8);
        bytes[size++] = '-';
        hex(value.getMostSignificantBits() >>> 16, 4);
        bytes[size++] = '-';
        hex(value.getMostSignificantBits(), 4);
        bytes[size++] = '-';
        hex(value.getLeastSignificantBits() >>> 48, 4);
        bytes[size++] = '-';
        hex(value.getLeastSignificantBits(), 12);
        bytes[size++] = '"';
        return this;
    }

    public JsonOut value(String value) {
        if (value == null) {
            return nullValue();
        }
        separate();
        ensure(value.length() * 6 + 2); // the worst case: every char a six-character escape
        bytes[size++] = '"';
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                ascii(c);
            } else if (c < 0x800) {
                bytes[size++] = (byte) (0xC0 | c >> 6);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                bytes[size++] = (byte) (0xF0 | cp >> 18);
                bytes[size++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                escaped(c);
            } else {
                bytes[size++] = (byte) (0xE0 | c >> 12);
                bytes[size++] = (byte) (0x80 | c >> 6 & 0x3F);
                bytes[size++] = (byte) (0x80 | c & 0x3F);
            }
        }
        bytes[size++] = '"';
        return this;
    }

    /** The field, unless its value is null (Jackson's NON_NULL). */
    public JsonOut ifPresent(byte[] name, String value) {
        return value == null ? this : field(name).value(value);
    }

    public JsonOut ifPresent(byte[] name, Integer value) {
        return value == null ? this : field(name).value(value.longValue());
    }

    public JsonOut ifPresent(byte[] name, Boolean value) {
        return value == null ? this : field(name).value(value.booleanValue());
    }

    public JsonOut ifPresent(byte[] name, JsonWritable value) {
        if (value != null) {
            field(name);
            value.writeJson(this);
        }
        return this;
    }

    /** The field, unless the list is null. */
    public JsonOut ifPresent(byte[] name, List<? extends JsonWritable> values) {
        return values == null ? this : field(name).values(values);
    }

    /** A list of uuids, or null. */
    public JsonOut uuids(List<UUID> values) {
        return array(values, this::value);
    }

    /** A list of parts that write themselves, or null. */
    public JsonOut values(List<? extends JsonWritable> items) {
        return array(items, item -> item.writeJson(this));
    }

    /** A list of strings, or null. */
    public JsonOut strings(List<String> values) {
        return array(values, this::value);
    }

    private <T> JsonOut array(List<T> values, Consumer<T> each) {
        if (values == null) {
            return nullValue();
        }
        startArray();
        for (T value : values) {
            each.accept(value);
        }
        return endArray();
    }

    public byte[] toBytes() {
        return Arrays.copyOf(bytes, size);
    }

    private void ascii(char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            bytes[size++] = (byte) c;
            return;
        }
        byte shortForm = switch (c) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '\b' -> 'b';
            case '\t' -> 't';
            case '\n' -> 'n';
            case '\f' -> 'f';
            case '\r' -> 'r';
            default -> 0;
        };
        if (shortForm != 0) {
            bytes[size++] = '\\';
            bytes[size++] = shortForm;
        } else {
            escaped(c);
        }
    }

    /** A six-character escape: backslash, u, four hex digits; {@link #value(String)} reserved the room. */
    private void escaped(char c) {
        bytes[size++] = '\\';
        bytes[size++] = 'u';
        for (int shift = 12; shift >= 0; shift -= 4) {
            bytes[size++] = HEX[c >> shift & 0xF];
        }
    }

    private void hex(long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            bytes[size + i] = HEX_LOWER[(int) (value & 0xF)];
            value >>>= 4;
        }
        size += digits;
    }

    /** The comma between values: needed unless this is the first thing in an object or array, or after a name. */
    private void separate() {
        if (size > 0) {
            byte last = bytes[size - 1];
            if (last != '{' && last != '[' && last != ':') {
                put((byte) ',');
            }
        }
    }

    private JsonOut put(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    private JsonOut put(byte[] b) {
        ensure(b.length);
        System.arraycopy(b, 0, bytes, size, b.length);
        size += b.length;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
        }
    }
}
