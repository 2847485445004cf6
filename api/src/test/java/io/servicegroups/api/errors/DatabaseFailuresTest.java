package io.servicegroups.api.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.impl.NoStackTraceTimeoutException;
import io.vertx.pgclient.PgException;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outages answer 503, other failures 500: which database failures are outages. */
class DatabaseFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = {"08000", "08003", "08006", "08001", "08004", "08P01", "55000", "57P01", "57P02",
            "57P03", "57014", "55P03", "53300"})
    void serverStatesOfAnOutageAreUnavailable(String sqlState) {
        PgException failure = new PgException("server says no", "FATAL", sqlState, null);
        assertThat(DatabaseFailures.isUnavailable(new CompletionException(failure))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"23505", "42P01", "22P02", "40001", "XX000"})
    void otherServerStatesAreNot(String sqlState) {
        assertThat(DatabaseFailures.isUnavailable(new PgException("no", "ERROR", sqlState, null))).isFalse();
    }

    @Test
    void theJdbcFormHibernateReactiveWrapsServerErrorsInIsClassifiedToo() {
        Throwable wrapped = new RuntimeException(new java.sql.SQLException("canceling statement", "57014"));
        assertThat(DatabaseFailures.isUnavailable(wrapped)).isTrue();
        assertThat(DatabaseFailures.isTooSlow(wrapped)).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new java.sql.SQLException("duplicate", "23505"))).isFalse();
    }

    @Test
    void waitingInVainForAPooledConnectionIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new CompletionException(
                new io.vertx.core.impl.NoStackTraceThrowable("Timeout")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new io.vertx.core.impl.NoStackTraceThrowable("other"))).isFalse();
        assertThat(DatabaseFailures.isUnavailable(new RuntimeException(new NoStackTraceTimeoutException("Timeout"))))
                .isTrue();
    }

    @Test
    void aConnectionResetWhileInUseIsUnavailable() {
        assertThat(DatabaseFailures.isUnavailable(new io.smallrye.mutiny.CompositeException(
                new java.net.SocketException("Connection reset"),
                new IllegalStateException("HR000090: Live transaction detected")))).isTrue();
        assertThat(DatabaseFailures.isUnavailable(new java.net.SocketException("Broken pipe"))).isTrue();
    }

    @Test
    void aConnectionResetSeenThroughEpollIsUnavailable() {
        // what the PostgreSQL client's socket reports on epoll when the server goes away mid-statement
        io.netty.channel.epoll.Epoll.ensureAvailability(); // loads the native library the exception's class needs
        assertThat(DatabaseFailures.isUnavailable(io.netty.channel.unix.Errors.newConnectionResetException(
                "recvAddress(..) failed with error(-104): Connection reset by peer", -104))).isTrue();
    }

    @Test
    void onlyTimeoutsOfStatementsAndLocksAreTooSlow() {
        assertThat(DatabaseFailures.isTooSlow(new PgException("statement timeout", "ERROR", "57014", null))).isTrue();
        assertThat(DatabaseFailures.isTooSlow(new PgException("lock timeout", "ERROR", "55P03", null))).isTrue();
        assertThat(DatabaseFailures.isTooSlow(new PgException("shutdown", "FATAL", "57P01", null))).isFalse();
        assertThat(DatabaseFailures.isTooSlow(new IllegalStateException("bug"))).isFalse();
    }
}
