package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.2: soft_limit / hard_limit, 1-65535, soft ≤ hard, defaults 1 and 65535. */
class ConcurrencyLimitsTest {
    @Test
    void defaultsAre1And65535() {
        assertThat(ConcurrencyLimits.DEFAULT).isEqualTo(new ConcurrencyLimits(1, 65535));
        assertThat(ConcurrencyLimits.of(null, null)).isEqualTo(ConcurrencyLimits.DEFAULT);
    }

    @ParameterizedTest(name = "soft={0}, hard={1} → ({2}, {3})")
    @CsvSource(nullValues = "-", textBlock = """
            -,     -,     1,     65535
            10,    -,     10,    65535
            65535, -,     65535, 65535
            -,     1,     1,     1
            -,     500,   1,     500
            1,     1,     1,     1
            1,     65535, 1,     65535
            100,   100,   100,   100
            100,   200,   100,   200
            65535, 65535, 65535, 65535
            """)
    void valid(Long soft, Long hard, int expectedSoft, int expectedHard) {
        assertThat(ConcurrencyLimits.of(soft, hard)).isEqualTo(new ConcurrencyLimits(expectedSoft, expectedHard));
    }

    @ParameterizedTest(name = "soft_limit {0}")
    @ValueSource(longs = {0, -1, 65536, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 32) + 5})
    void softOutOfRange(long soft) {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> ConcurrencyLimits.of(soft, null),
                "soft_limit: " + soft + " is out of range 1-65535");
        assertReadable(violation);
    }

    @ParameterizedTest(name = "hard_limit {0}")
    @ValueSource(longs = {0, -1, 65536, Long.MAX_VALUE, Long.MIN_VALUE, (1L << 32) + 5})
    void hardOutOfRange(long hard) {
        assertViolation(ErrorCode.INVALID, () -> ConcurrencyLimits.of(null, hard),
                "hard_limit: " + hard + " is out of range 1-65535");
    }

    @ParameterizedTest(name = "soft={0} > hard={1}")
    @CsvSource({"2, 1", "100, 99", "65535, 1"})
    void softAboveHardIsInvalid(long soft, long hard) {
        assertViolation(ErrorCode.INVALID, () -> ConcurrencyLimits.of(soft, hard),
                "soft_limit: " + soft + " is greater than hard_limit " + hard);
    }

    @Test
    void anExplicitHardBelowTheDefaultSoftIsImpossible() {
        // the smallest hard_limit is 1, which equals the default soft_limit
        assertThat(ConcurrencyLimits.of(null, 1L)).isEqualTo(new ConcurrencyLimits(1, 1));
    }

    @Test
    void aSoftLimitAloneAboveTheDefaultHardIsOutOfRangeNotAboveHard() {
        assertViolation(ErrorCode.INVALID, () -> ConcurrencyLimits.of(65536L, null), "out of range");
    }
}
