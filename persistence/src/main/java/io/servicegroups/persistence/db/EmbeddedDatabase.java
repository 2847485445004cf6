package io.servicegroups.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * The zero-setup database: real PostgreSQL binaries from Maven Central, data under {@code <data-dir>/postgres},
 * kept across restarts. Started at most once per JVM and stopped when the JVM exits: dev-mode live reload and
 * test restarts reuse the running server (its port is kept in a system property, which survives class reloading).
 */
public final class EmbeddedDatabase {
    static final String PORT_PROPERTY = "servicegroups.embedded-postgres.port";
    static final String DIR_PROPERTY = "servicegroups.embedded-postgres.dir";
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private EmbeddedDatabase() {
    }

    /** Starts the server for {@code dataDir} unless this JVM already runs it; answers how to reach it. */
    public static synchronized DatabaseUrl startOnce(Path dataDir) {
        Path directory = dataDir.resolve("postgres").toAbsolutePath().normalize();
        String runningPort = System.getProperty(PORT_PROPERTY);
        if (runningPort != null) {
            String runningDir = System.getProperty(DIR_PROPERTY);
            if (!directory.toString().equals(runningDir)) {
                throw new IllegalStateException("this JVM already runs an embedded PostgreSQL in " + runningDir
                        + "; it cannot start a second one in " + directory);
            }
            return DatabaseUrl.local(Integer.parseInt(runningPort), DATABASE, USER);
        }
        EmbeddedPostgres server = start(directory);
        System.setProperty(PORT_PROPERTY, Integer.toString(server.getPort()));
        System.setProperty(DIR_PROPERTY, directory.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "embedded-postgres-stop"));
        LOG.info(() -> "Embedded PostgreSQL listens on localhost:" + server.getPort() + " with its data in "
                + directory);
        return DatabaseUrl.local(server.getPort(), DATABASE, USER);
    }

    /** Starts a server on a free port; the caller stops it. */
    public static EmbeddedPostgres start(Path directory) {
        return start(directory, 0);
    }

    /** Starts a server on {@code port} (0: a free one); the caller stops it. */
    public static EmbeddedPostgres start(Path directory, int port) {
        DataDirectory.requireWritable(directory);
        try {
            Files.createDirectories(directory.getParent());
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
            if (port != 0) {
                builder.setPort(port);
            }
            return builder
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // zonky's test-oriented defaults trade durability for speed; this database keeps user data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL with its data in " + directory
                    + " (is another process using that directory? set SG_DATA_DIR to another one, or SG_DB_URL"
                    + " to use an external PostgreSQL)", e);
        }
    }

    private static void stop(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException | RuntimeException e) {
            LOG.warning(() -> "stopping the embedded PostgreSQL failed: " + e.getMessage());
        }
    }
}
