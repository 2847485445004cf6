package io.servicegroups.core;

import java.security.SecureRandom;

/** Where random choices come from; tests pass a fixed sequence. */
@FunctionalInterface
public interface RandomSource {
    /** A uniformly distributed int in [0, bound). */
    int nextInt(int bound);

    static RandomSource secure() {
        SecureRandom random = new SecureRandom();
        return random::nextInt;
    }

    String ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyz0123456789";

    /** {@code length} characters from {@code [a-z0-9]}. */
    default String alphanumeric(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHANUMERIC.charAt(nextInt(ALPHANUMERIC.length())));
        }
        return out.toString();
    }
}
