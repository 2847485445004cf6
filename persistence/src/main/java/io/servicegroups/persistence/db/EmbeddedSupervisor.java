package io.servicegroups.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the embedded PostgreSQL running: when its postmaster dies (killed, crashed), starts it again on the same
 * port (so the connection pools' URL stays valid), retrying with back-off; one ERROR when the outage begins, one
 * INFO when it ends. {@link #outage()} tells readiness while it is down.
 */
public final class EmbeddedSupervisor implements AutoCloseable {
    static final Duration FIRST_RETRY = Duration.ofMillis(500);
    static final Duration LONGEST_RETRY = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(EmbeddedSupervisor.class.getName());

    private final Path directory;
    private final int port;
    private final Thread watcher;
    private final Consumer<Optional<Instant>> outageListener;
    private volatile EmbeddedPostgres server;
    private volatile Instant downSince;
    private volatile boolean closing;

    private EmbeddedSupervisor(Path directory, EmbeddedPostgres server, Consumer<Optional<Instant>> outageListener) {
        this.directory = directory;
        this.outageListener = outageListener;
        this.port = server.getPort();
        this.server = server;
        this.watcher = new Thread(this::watch, "embedded-postgres-supervisor");
        this.watcher.setDaemon(true);
    }

    /**
     * Starts PostgreSQL in {@code directory} (on {@code port}, 0: a free one) and watches over it;
     * {@code outageListener} hears when an outage begins (the instant) and ends (empty).
     */
    public static EmbeddedSupervisor start(Path directory, int port, Consumer<Optional<Instant>> outageListener) {
        EmbeddedSupervisor supervisor = new EmbeddedSupervisor(directory, EmbeddedDatabase.start(directory, port),
                outageListener);
        supervisor.watcher.start();
        return supervisor;
    }

    public int port() {
        return port;
    }

    /** Since when the database is down and being restarted; empty while it runs. */
    public Optional<Instant> outage() {
        return Optional.ofNullable(downSince);
    }

    private void watch() {
        while (!closing) {
            Optional<ProcessHandle> postmaster = DataDirectoryOwner.runningPostmaster(directory);
            if (postmaster.isPresent()) {
                awaitExit(postmaster.get().onExit());
            }
            if (closing) {
                return;
            }
            restart(postmaster.map(ProcessHandle::pid).orElse(-1L));
        }
    }

    private void awaitExit(CompletableFuture<ProcessHandle> exit) {
        try {
            exit.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // onExit does not fail
        }
    }

    private void restart(long deadPid) {
        Instant since = Instant.now();
        downSince = since;
        outageListener.accept(Optional.of(since));
        LOG.severe(() -> "The embedded PostgreSQL" + (deadPid > 0 ? " (process " + deadPid + ")" : "")
                + " in " + directory + " stopped unexpectedly; restarting it on port " + port);
        closeQuietly(server);
        Duration wait = FIRST_RETRY;
        int attempts = 0;
        while (!closing) {
            attempts++;
            try {
                server = EmbeddedDatabase.start(directory, port);
                downSince = null;
                outageListener.accept(Optional.empty());
                int tries = attempts;
                LOG.info(() -> "The embedded PostgreSQL is back after " + Duration.between(since, Instant.now())
                        .toMillis() + " ms (" + tries + (tries == 1 ? " attempt)" : " attempts)"));
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "restarting the embedded PostgreSQL failed; retrying in " + wait, e);
            }
            if (!sleep(wait)) {
                return;
            }
            wait = wait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : wait.multipliedBy(2);
        }
    }

    private boolean sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops watching, then stops PostgreSQL. */
    @Override
    public void close() {
        closing = true;
        watcher.interrupt();
        try {
            watcher.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeQuietly(server);
    }

    private void closeQuietly(EmbeddedPostgres current) {
        try {
            current.close();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
        DataDirectoryOwner.release(directory);
    }
}
