package io.servicegroups.api.request;

import java.time.Duration;

/**
 * The time a batch that changes things may use. Items start only while {@link #canStart()}: early enough that an
 * item waiting a whole statement timeout (the database cancels it then) still answers within the request time.
 * An item in flight is awaited, since it is either committed or rolled back; only after {@code inFlightLimit}
 * (the request time plus a statement timeout: a database that stopped answering altogether) is it given up
 * (its transaction is rolled back unless its commit was sent already), reported as not known to be done.
 */
public record WriteBudget(long startByNanos, Duration inFlightLimit) {

    /** For a request that began now, with the request deadline and the database's statement timeout. */
    public static WriteBudget startingNow(Duration requestTimeout, Duration statementTimeout) {
        Duration margin = statementTimeout.compareTo(requestTimeout.dividedBy(2)) < 0 ? statementTimeout
                : requestTimeout.dividedBy(2);
        return new WriteBudget(System.nanoTime() + requestTimeout.minus(margin).toNanos(),
                requestTimeout.plus(statementTimeout));
    }

    /** No limits (for tests of the batch logic). */
    public static WriteBudget unlimited() {
        return new WriteBudget(Long.MAX_VALUE, Duration.ofDays(1));
    }

    /** The longest a batch can take: its last start, then an item in flight given up. */
    public static Duration longest(Duration requestTimeout, Duration statementTimeout) {
        return requestTimeout.multipliedBy(2).plus(statementTimeout);
    }

    public boolean canStart() {
        return startByNanos == Long.MAX_VALUE || System.nanoTime() - startByNanos < 0;
    }
}
