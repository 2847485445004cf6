package io.servicegroups.api.errors;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.jboss.logging.Logger;

/**
 * Logs database outages without flooding: the first failure of an outage is one ERROR with its stack trace;
 * later ones are counted and summed up in one WARN line at most every {@link #SUMMARY_EVERY}. An outage ends
 * when no failure was seen for {@link #QUIET}; the next failure begins a new one.
 */
public final class OutageLog {
    static final Duration SUMMARY_EVERY = Duration.ofSeconds(30);
    static final Duration QUIET = Duration.ofSeconds(60);
    private static final Logger LOG = Logger.getLogger(OutageLog.class);
    private static final OutageLog DATABASE = new OutageLog(System::nanoTime);

    private final LongSupplier clock;
    private boolean inOutage;
    private long lastFailure;
    private long lastSummary;
    private long unreported;
    private String lastMessage;

    OutageLog(LongSupplier clock) {
        this.clock = clock;
    }

    /** Records a failure of the database to serve a request. */
    public static void unavailable(Throwable failure) {
        DATABASE.record(failure);
    }

    synchronized void record(Throwable failure) {
        long now = clock.getAsLong();
        if (!inOutage || now - lastFailure > QUIET.toNanos()) {
            flushSummary();
            inOutage = true;
            lastSummary = now;
            lastFailure = now;
            LOG.errorf(failure, "database unavailable: %s (further failures of this outage are summed up every"
                    + " %d s)", failure.getMessage(), SUMMARY_EVERY.toSeconds());
            return;
        }
        lastFailure = now;
        lastMessage = failure.getMessage();
        unreported++;
        if (now - lastSummary >= SUMMARY_EVERY.toNanos()) {
            flushSummary();
            lastSummary = now;
        }
    }

    private void flushSummary() {
        if (unreported > 0) {
            LOG.warnf("database unavailable: %d further failures since the last report, the latest: %s",
                    unreported, lastMessage);
            unreported = 0;
        }
    }
}
