package io.servicegroups.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The zero-setup database: real PostgreSQL binaries from Maven Central, data under {@code <data-dir>/postgres},
 * kept across restarts, its superuser protected by a password kept beside the data. Started at most once per JVM,
 * supervised (restarted if it dies) and stopped when the JVM exits: dev-mode live reload and test restarts reuse
 * the running server (its port is kept in a system property, which survives class reloading).
 */
public final class EmbeddedDatabase {
    static final String PORT_PROPERTY = "servicegroups.embedded-postgres.port";
    static final String DIR_PROPERTY = "servicegroups.embedded-postgres.dir";
    /** Set while the supervised server is down (the instant it went down); a system property, see above. */
    static final String OUTAGE_PROPERTY = "servicegroups.embedded-postgres.down-since";
    public static final String DATABASE = "postgres";
    public static final String USER = "postgres";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class.getName());

    private EmbeddedDatabase() {
    }

    /** Starts the server for {@code dataDir} unless this JVM already runs it; answers how to reach it. */
    public static synchronized DatabaseUrl startOnce(Path dataDir) {
        Path directory = directoryIn(dataDir);
        String runningPort = System.getProperty(PORT_PROPERTY);
        if (runningPort != null) {
            String runningDir = System.getProperty(DIR_PROPERTY);
            if (!directory.toString().equals(runningDir)) {
                throw new IllegalStateException("this JVM already runs an embedded PostgreSQL in " + runningDir
                        + "; it cannot start a second one in " + directory);
            }
            return url(directory, Integer.parseInt(runningPort));
        }
        // the outage is kept in a system property, which every class loader of this JVM can read
        EmbeddedSupervisor supervisor = EmbeddedSupervisor.start(directory, 0, since -> since.ifPresentOrElse(
                instant -> System.setProperty(OUTAGE_PROPERTY, instant.toString()),
                () -> System.clearProperty(OUTAGE_PROPERTY)));
        System.setProperty(PORT_PROPERTY, Integer.toString(supervisor.port()));
        System.setProperty(DIR_PROPERTY, directory.toString());
        Runtime.getRuntime().addShutdownHook(new Thread(supervisor::close, "embedded-postgres-stop"));
        LOG.info(() -> "Embedded PostgreSQL listens on localhost:" + supervisor.port() + " with its data in "
                + directory);
        return url(directory, supervisor.port());
    }

    /**
     * Since when the embedded PostgreSQL this JVM runs is down and being restarted; empty while it runs or when
     * none runs (readiness reports it).
     */
    public static Optional<Instant> outage() {
        return Optional.ofNullable(System.getProperty(OUTAGE_PROPERTY)).map(Instant::parse);
    }

    /** How to reach the server of the PostgreSQL data directory {@code directory} on {@code port}. */
    public static DatabaseUrl url(Path directory, int port) {
        String password = SuperuserPassword.readOrCreate(SuperuserPassword.fileFor(directory));
        return DatabaseUrl.local(port, DATABASE, USER, password);
    }

    /** {@code <data-dir>/postgres}, absolute. */
    public static Path directoryIn(Path dataDir) {
        return dataDir.resolve("postgres").toAbsolutePath().normalize();
    }

    /** Starts a server on a free port; the caller stops it. */
    public static EmbeddedPostgres start(Path directory) {
        return start(directory, 0);
    }

    /**
     * Starts a server on {@code port} (0: a free one); the caller stops it. A PostgreSQL left running in the
     * directory by a server that died is stopped first; one of a live server is an error.
     */
    public static EmbeddedPostgres start(Path directory, int port) {
        DataDirectory.requireWritable(directory);
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + dir.getParent() + " for the embedded PostgreSQL"
                    + " (SG_DATA_DIR): " + e.getMessage(), e);
        }
        DataDirectoryOwner.claim(dir);
        Path passwordFile = SuperuserPassword.fileFor(dir);
        String password = SuperuserPassword.readOrCreate(passwordFile);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (port != 0) {
            builder.setPort(port);
        }
        SuperuserPassword.configureInitdb(builder, passwordFile);
        EmbeddedPostgres server;
        try {
            server = builder
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setConnectConfig("password", password)
                    .setServerConfig("max_connections", "200")
                    // zonky's test-oriented defaults trade durability for speed; this database keeps user data
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL with its data in " + dir
                    + " (SG_DATA_DIR): " + e.getMessage() + "; set SG_DATA_DIR to another directory, or SG_DB_URL"
                    + " to use an external PostgreSQL", e);
        }
        DataDirectoryOwner.record(dir);
        SuperuserPassword.requireIt(server, dir, password);
        return server;
    }
}
