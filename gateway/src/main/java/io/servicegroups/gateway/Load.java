package io.servicegroups.gateway;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open work of one instance on this replica: in-flight requests (HTTP) plus open connections (TCP); and its
 * passive health: after {@link Ejection#consecutive()} failures in a row it is out of rotation for
 * {@link Ejection#nanos()}, then tried again.
 */
final class Load {
    private final AtomicInteger current = new AtomicInteger();
    private final Ejection ejection;
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicLong ejections = new AtomicLong();
    private volatile long ejectedUntil;
    private volatile boolean ejected;

    /** When an instance is taken out of rotation: {@code consecutive} failures (0: never), for {@code nanos}. */
    record Ejection(int consecutive, long nanos) {
        static final Ejection DEFAULT = new Ejection(5, 10_000_000_000L);
    }

    Load() {
        this(Ejection.DEFAULT);
    }

    Load(Ejection ejection) {
        this.ejection = ejection;
    }

    int get() {
        return current.get();
    }

    /** Takes one unit of work unless the instance is at {@code hard}. */
    boolean tryAcquire(int hard) {
        while (true) {
            int now = current.get();
            if (now >= hard) {
                return false;
            }
            if (current.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives one unit back; answers what is left. */
    int release() {
        return current.decrementAndGet();
    }

    /** Whether the instance is out of rotation at {@code nanoTime}. */
    boolean ejected(long nanoTime) {
        if (!ejected) {
            return false;
        }
        if (nanoTime - ejectedUntil < 0) {
            return true;
        }
        ejected = false;
        return false;
    }

    /** Out of rotation now (for the metrics). */
    boolean ejectedNow() {
        return ejected(System.nanoTime());
    }

    long ejections() {
        return ejections.get();
    }

    /** A connect failure or a 5xx answer. */
    void failed() {
        if (ejection.consecutive() > 0 && failures.incrementAndGet() >= ejection.consecutive()) {
            failures.set(0);
            ejectedUntil = System.nanoTime() + ejection.nanos();
            ejected = true;
            ejections.incrementAndGet();
        }
    }

    /** A connection made, or an answer other than 5xx. */
    void succeeded() {
        if (failures.get() != 0) {
            failures.set(0);
        }
    }
}
