package io.servicegroups.api.envelope;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-written form equals the JDK's ISO_INSTANT to the second, whatever the instant. */
class TimestampsTest {

    private static String jdk(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theSeedDocumentsForm() {
        assertThat(Timestamps.iso(Instant.parse("2023-08-21T16:38:15.987654Z"))).isEqualTo("2023-08-21T16:38:15Z");
    }

    @Test
    void boundariesOfDaysYearsAndTheEpoch() {
        for (String text : new String[] {"1970-01-01T00:00:00Z", "1969-12-31T23:59:59Z", "2000-02-29T12:00:00Z",
                "2026-12-31T23:59:59.999999999Z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z"}) {
            Instant instant = Instant.parse(text);
            assertThat(Timestamps.iso(instant)).as(text).isEqualTo(jdk(instant));
        }
    }

    @Test
    void yearsBeyondFourDigitsFallBackToTheJdk() {
        Instant far = Instant.parse("+10000-01-01T00:00:00Z");
        assertThat(Timestamps.iso(far)).isEqualTo(jdk(far));
        Instant before = Instant.parse("-0001-06-01T00:00:00Z");
        assertThat(Timestamps.iso(before)).isEqualTo(jdk(before));
    }

    @Test
    void randomInstantsAgreeWithTheJdk() {
        Random random = new Random(42);
        long max = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        long min = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(min + (long) (random.nextDouble() * (max - min)),
                    random.nextInt(1_000_000_000));
            assertThat(Timestamps.iso(instant)).isEqualTo(jdk(instant));
        }
    }
}
