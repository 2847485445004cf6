package io.servicegroups.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.api.support.LogRecords;
import java.net.ConnectException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** One outage: one ERROR with its stack trace, then at most one summary line per period. */
class OutageLogTest {
    private final AtomicLong now = new AtomicLong();
    private final OutageLog log = new OutageLog(now::get);

    @Test
    void anOutageLogsOneStackTraceThenRateLimitedSummaries() {
        try (LogRecords records = LogRecords.capture()) {
            for (int i = 0; i < 1000; i++) {
                log.record(new ConnectException("Connection refused " + i));
                advance(Duration.ofMillis(10)); // 1000 failures in 10 s
            }
            assertThat(records.all()).as(records.describe()).hasSize(1);
            assertThat(records.all().get(0).getLevel().intValue()).isGreaterThanOrEqualTo(Level.SEVERE.intValue());
            assertThat(records.all().get(0).getThrown()).isInstanceOf(ConnectException.class);

            advance(OutageLog.SUMMARY_EVERY);
            log.record(new ConnectException("Connection refused again"));
            assertThat(records.all()).as(records.describe()).hasSize(2);
            assertThat(records.all().get(1).getThrown()).isNull();
            assertThat(records.all().get(1).getLevel()).isNotEqualTo(Level.SEVERE);

            advance(OutageLog.QUIET.plusSeconds(1));
            log.record(new ConnectException("Connection refused, a new outage"));
            assertThat(records.withStackTraces()).as("the next outage gets its stack trace").hasSize(2);
        }
    }

    private void advance(Duration by) {
        now.addAndGet(by.toNanos());
    }
}
