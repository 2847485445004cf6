package io.servicegroups.api.errors;

import io.vertx.core.impl.NoStackTraceThrowable;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Tells a database outage (answered 503) from other failures (500): the one place that classifies database
 * errors. Unavailable: refused or lost connections, waiting for a pooled connection in vain ({@code Timeout}),
 * and the SQLSTATEs of a server that cannot serve now (class 08 connection exceptions, 53300 too many
 * connections, 55000 not in the needed state (recovery), 57P0x shutting down or starting) or did not answer in
 * time (57014 statement timeout, 55P03 lock timeout).
 */
public final class DatabaseFailures {
    private DatabaseFailures() {
    }

    public static boolean isUnavailable(Throwable failure) {
        return find(failure, DatabaseFailures::unavailable) != null;
    }

    /**
     * Whether the database was reachable but too slow for this statement (statement or lock timeout): later
     * work may still succeed, unlike after a lost connection.
     */
    public static boolean isTooSlow(Throwable failure) {
        return find(failure, cause -> slowState(sqlState(cause))) != null;
    }

    /** The SQLSTATE of the Vert.x client's exception, or of the JDBC form Hibernate Reactive wraps it in. */
    private static String sqlState(Throwable cause) {
        if (cause instanceof PgException pg) {
            return pg.getSqlState();
        }
        return cause instanceof SQLException sql ? sql.getSQLState() : null;
    }

    private static boolean unavailable(Throwable cause) {
        // SocketException (Java NIO) and NativeIoException (epoll): the connection was reset or broke while in use
        if (cause instanceof ConnectException || cause instanceof java.net.SocketException
                || cause instanceof io.netty.channel.unix.Errors.NativeIoException
                || cause instanceof ClosedConnectionException
                || cause instanceof io.netty.channel.ConnectTimeoutException
                || cause instanceof TimeoutException) {
            return true;
        }
        String state = sqlState(cause);
        if (state != null) {
            return state.startsWith("08") || state.startsWith("57P0") || state.equals("53300")
                    || state.equals("55000") || slowState(state);
        }
        if (cause instanceof NoStackTraceThrowable && "Timeout".equals(cause.getMessage())) {
            return true; // Vert.x: no pooled connection became free in time
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().toLowerCase(Locale.ROOT);
        return message.contains("connection refused") || message.contains("timeout waiting for connection")
                || message.contains("the database system is shutting down")
                || message.contains("the database system is starting up");
    }

    private static boolean slowState(String state) {
        return "57014".equals(state) || "55P03".equals(state);
    }

    private static Throwable find(Throwable failure, java.util.function.Predicate<Throwable> test) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (test.test(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
