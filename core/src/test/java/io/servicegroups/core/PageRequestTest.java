package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.5: ?count=N (default 100, max 1000) and ?from=<uuid>. */
class PageRequestTest {
    private static final UUID AFTER = UUID.fromString("3b5b4c36-2c9b-46e4-80c6-7e5b561938c2");

    @Test
    void defaultsTo100() {
        assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(100, null));
        assertThat(PageRequest.DEFAULT_COUNT).isEqualTo(100);
    }

    @ParameterizedTest(name = "count {0}")
    @ValueSource(longs = {1, 2, 100, 999, 1000})
    void inRange(long count) {
        assertThat(PageRequest.of(count, null).count()).isEqualTo(count);
    }

    @ParameterizedTest(name = "count {0}")
    @ValueSource(longs = {0, -1, 1001, 10_000, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 32) + 10})
    void outOfRange(long count) {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> PageRequest.of(count, null),
                "count: " + count + " is out of range 1-1000");
        assertReadable(violation);
    }

    @Test
    void theStartIsPassedThrough() {
        assertThat(PageRequest.of(null, AFTER)).isEqualTo(new PageRequest(100, AFTER));
        assertThat(PageRequest.of(5L, AFTER)).isEqualTo(new PageRequest(5, AFTER));
        assertThat(PageRequest.of(5L, null).after()).isNull();
    }
}
