package io.servicegroups.gateway;

import java.util.concurrent.atomic.AtomicInteger;

/** Open work of one instance on this replica: in-flight requests (HTTP) plus open connections (TCP). */
final class Load {
    private final AtomicInteger current = new AtomicInteger();

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
}
