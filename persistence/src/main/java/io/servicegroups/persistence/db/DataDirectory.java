package io.servicegroups.persistence.db;

import io.quarkus.runtime.configuration.ConfigurationException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The embedded database's data directory must be one this process can write: checked before PostgreSQL starts,
 * so that the error says why (permission denied, not a directory, ...) instead of a misleading start failure.
 */
final class DataDirectory {
    private DataDirectory() {
    }

    /** Creates {@code directory}'s parent if needed and proves it writable. */
    static void requireWritable(Path directory) {
        Path parent = directory.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Files.delete(Files.createTempFile(parent, ".write-check", ""));
            if (Files.exists(directory)) {
                Files.delete(Files.createTempFile(directory, ".write-check", ""));
            }
        } catch (IOException e) {
            // a ConfigurationException stops the start with its message alone, no stack trace
            throw new ConfigurationException("SG_DATA_DIR (sg.data-dir): cannot write to " + parent + ": "
                    + reason(e) + "; give a directory this user may write, or SG_DB_URL for an external PostgreSQL",
                    e);
        }
    }

    /**
     * The same verdict as {@link #requireWritable} without touching the disk: whether the nearest existing
     * ancestor of {@code directory} is a directory this process may write. Checked when the configuration is read,
     * before anything else starts, so that a wrong {@code SG_DATA_DIR} is the first and only thing reported.
     */
    static void requireUsable(Path directory) {
        Path existing = directory.toAbsolutePath().normalize();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return;
        }
        String reason = !Files.isDirectory(existing) ? "a path element is a file, not a directory"
                : !Files.isWritable(existing) ? "permission denied (user " + System.getProperty("user.name") + ")"
                : null;
        if (reason != null) {
            throw new ConfigurationException("SG_DATA_DIR (sg.data-dir): cannot write to " + existing + ": " + reason
                    + "; give a directory this user may write, or SG_DB_URL for an external PostgreSQL");
        }
    }

    /** What went wrong, in the words of a shell. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied (user " + System.getProperty("user.name") + ")";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException || e instanceof java.nio.file.NotDirectoryException) {
            return "a path element is a file, not a directory";
        }
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "the file system refuses to create it there (no such file or directory)";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
