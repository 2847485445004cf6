package io.servicegroups.persistence.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;

/**
 * Who owns an embedded PostgreSQL data directory. The server that starts PostgreSQL holds a lock on
 * {@code epg-lock} in it (released by the kernel when that process dies, even by {@code kill -9}) and records
 * its pid in {@code servicegroups-owner}. A postmaster still running there whose owner is gone is an orphan:
 * it is stopped before a new start. One whose owner lives is a clear, immediate error.
 */
final class DataDirectoryOwner {
    static final String LOCK_FILE = "epg-lock";
    static final String OWNER_FILE = "servicegroups-owner";
    private static final Duration FAST_SHUTDOWN_WAIT = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(DataDirectoryOwner.class.getName());
    /** Directories whose PostgreSQL this process runs: their lock file must not be touched (closing any channel
     * of a locked file releases the process' lock on it). */
    private static final java.util.Set<Path> OWN = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private DataDirectoryOwner() {
    }

    /** Stops an orphaned postmaster of {@code directory}; fails at once if a live server uses the directory. */
    static void claim(Path directory) {
        Optional<ProcessHandle> postmaster = runningPostmaster(directory);
        if (postmaster.isEmpty()) {
            return;
        }
        long pid = postmaster.get().pid();
        if (OWN.contains(directory) || !ownerGone(directory)) {
            throw new IllegalStateException("the embedded PostgreSQL data directory " + directory + " is in use by"
                    + " a running server (" + owner(directory).map(o -> "process " + o)
                    .orElse("its PostgreSQL is process " + pid) + "): stop that server, or give this one another"
                    + " directory with SG_DATA_DIR (or an external PostgreSQL with SG_DB_URL)");
        }
        LOG.warning(() -> "The embedded PostgreSQL (process " + pid + ") in " + directory + " was left running by a"
                + " server that is gone" + owner(directory).map(o -> " (process " + o + ")").orElse("")
                + "; stopping it before starting again");
        stop(postmaster.get());
    }

    /** Records this process as the owner of the PostgreSQL just started in {@code directory}. */
    static void record(Path directory) {
        OWN.add(directory);
        try {
            Files.writeString(directory.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + directory.resolve(OWNER_FILE), e);
        }
    }

    /** This process no longer runs the PostgreSQL of {@code directory}. */
    static void release(Path directory) {
        OWN.remove(directory);
    }

    /** The live postmaster named by {@code postmaster.pid}, if that process still runs PostgreSQL. */
    static Optional<ProcessHandle> runningPostmaster(Path directory) {
        Path pidFile = directory.resolve("postmaster.pid");
        List<String> lines;
        try {
            lines = Files.exists(pidFile) ? Files.readAllLines(pidFile, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(lines.get(0).trim());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(c -> c.endsWith("postgres")).orElse(true));
    }

    /** Whether no live process holds the directory's lock (a process that died released it). */
    private static boolean ownerGone(Path directory) {
        Path lockFile = directory.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false; // a PostgreSQL not started by this server: leave it alone
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock != null;
        } catch (OverlappingFileLockException e) {
            return false; // this very process holds it
        } catch (IOException e) {
            throw new UncheckedIOException("could not check " + lockFile, e);
        }
    }

    private static Optional<String> owner(Path directory) {
        try {
            return Optional.of(Files.readString(directory.resolve(OWNER_FILE)).trim()).filter(s -> !s.isEmpty());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Fast shutdown (SIGINT: ends sessions, writes a checkpoint); SIGKILL only if that does not end it. */
    private static void stop(ProcessHandle postmaster) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(postmaster.pid())).inheritIO().start().waitFor();
            postmaster.onExit().get(FAST_SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            postmaster.destroyForcibly();
            postmaster.onExit().join();
        } catch (IOException | ExecutionException e) {
            throw new IllegalStateException("could not stop the orphaned PostgreSQL (process " + postmaster.pid()
                    + "): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping an orphaned PostgreSQL", e);
        }
    }
}
