package io.servicegroups.api.envelope;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Timestamps as answers carry them. */
public final class Timestamps {
    private Timestamps() {
    }

    /** ISO-8601 UTC to the second, like {@code 2023-08-21T16:38:15Z} (the seed document's form). */
    public static String iso(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
