package io.servicegroups.api.support;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/** Captures what the application logs at WARN or above (every logger), while open. */
public final class LogRecords extends Handler implements AutoCloseable {
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();

    private LogRecords() {
    }

    public static LogRecords capture() {
        LogRecords capture = new LogRecords();
        capture.setLevel(Level.WARNING);
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue() && !fromAnEarlierApplication(record)) {
            records.add(record);
        }
    }

    /**
     * Netty's report that an event loop was shut down, and Vert.x's that a close hook could not run on one: the
     * garbage collector finalizing a client or server of an application that an earlier test class started and
     * stopped (its event loops are gone), logged in the middle of whatever test runs then. The application under
     * test is running, so its loops are not.
     */
    private static boolean fromAnEarlierApplication(LogRecord record) {
        return record.getThrown() instanceof java.util.concurrent.RejectedExecutionException
                && ("io.netty.util.concurrent.DefaultPromise.rejectedExecution".equals(record.getLoggerName())
                        || "io.vertx.core.impl.DeploymentManager".equals(record.getLoggerName()));
    }

    public List<LogRecord> all() {
        return List.copyOf(records);
    }

    public List<LogRecord> withStackTraces() {
        return records.stream().filter(record -> record.getThrown() != null).toList();
    }

    /** For assertion messages. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        records.forEach(record -> out.append(record.getLevel()).append(' ').append(record.getLoggerName())
                .append(": ").append(record.getMessage()).append(record.getThrown() == null ? "" : " [stack trace]")
                .append('\n'));
        return out.toString();
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
