package io.servicegroups.api.json;

import io.servicegroups.api.errors.RequestFailure;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks every text a request carries before it can reach SQL: PostgreSQL text cannot hold U+0000. */
public final class Texts {
    private static final int MAX_SHOWN = 60;

    private Texts() {
    }

    /** {@code value} unchanged, or 400 when it contains U+0000; {@code where} names the field or parameter. */
    public static String withoutNul(String where, String value) {
        if (value != null && value.indexOf('\u0000') >= 0) {
            throw RequestFailure.badRequest(where + ": contains U+0000 (NUL), which no value may contain");
        }
        return value;
    }

    /** The offset of the first byte that is not strict UTF-8 (overlong forms included), if any. */
    public static Optional<Integer> invalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, CharBuffer.allocate(bytes.length), true);
        return result.isError() ? Optional.of(in.position()) : Optional.empty();
    }

    public static String abbreviate(String value) {
        return value.length() > MAX_SHOWN ? value.substring(0, MAX_SHOWN) + "..." : value;
    }
}
