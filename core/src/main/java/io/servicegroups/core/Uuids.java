package io.servicegroups.core;

import java.util.Optional;
import java.util.UUID;

/** Strict UUID syntax (8-4-4-4-12 hex digits): {@link UUID#fromString} also accepts forms like {@code 1-1-1-1-1}. */
public final class Uuids {
    private static final int LENGTH = 36;

    private Uuids() {
    }

    public static Optional<UUID> parse(String value) {
        if (value == null || value.length() != LENGTH) {
            return Optional.empty();
        }
        long high = 0;
        long low = 0;
        for (int i = 0; i < LENGTH; i++) {
            char c = value.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return Optional.empty();
                }
                continue;
            }
            int digit = Character.digit(c, 16);
            if (digit < 0 || c > 'f') { // Character.digit also takes full-width and other Unicode digits
                return Optional.empty();
            }
            if (i < 19) {
                high = high << 4 | digit;
            } else {
                low = low << 4 | digit;
            }
        }
        return Optional.of(new UUID(high, low));
    }
}
