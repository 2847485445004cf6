package io.servicegroups.persistence.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The embedded PostgreSQL's superuser password: random, kept next to the data in a file only its owner can
 * read, required for every connection (TCP and Unix socket). New data directories are created with it by
 * initdb; directories of earlier versions (which trusted every local connection) get it at their first start.
 */
final class SuperuserPassword {
    static final String FILE_NAME = "postgres-password";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Pattern TRUST = Pattern.compile("(?m)^(\\s*(?:local|host\\S*)\\s.*\\s)trust(\\s*)$");
    private static final Logger LOG = Logger.getLogger(SuperuserPassword.class.getName());

    private SuperuserPassword() {
    }

    /** The password file of the PostgreSQL data directory {@code directory}: beside it, in SG_DATA_DIR. */
    static Path fileFor(Path directory) {
        return directory.toAbsolutePath().normalize().resolveSibling(FILE_NAME);
    }

    /** The stored password, made (mode 0600) if there is none yet. */
    static String readOrCreate(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                    Files.writeString(file, password, StandardCharsets.US_ASCII);
                } catch (FileAlreadyExistsException raced) {
                    // another start made it first; read theirs
                }
            }
            if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
            String password = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (password.isEmpty()) {
                throw new IllegalStateException(file + " is empty: delete it only together with the data"
                        + " directory beside it, or write the PostgreSQL superuser's password into it");
            }
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read or create the embedded PostgreSQL password " + file, e);
        }
    }

    /** initdb options: the superuser gets the password, and every connection must give it. */
    static void configureInitdb(EmbeddedPostgres.Builder builder, Path file) {
        builder.setLocaleConfig("pwfile", file.toString())
                .setLocaleConfig("auth-local", "scram-sha-256")
                .setLocaleConfig("auth-host", "scram-sha-256");
    }

    /**
     * A data directory of an earlier version trusts local connections: sets the password and requires it from
     * now on (the server was started with the old rules, so it is reachable without one here).
     */
    static void requireIt(EmbeddedPostgres server, Path directory, String password) {
        Path hba = directory.resolve("pg_hba.conf");
        try {
            String rules = Files.readString(hba);
            if (!TRUST.matcher(rules).find()) {
                return;
            }
            LOG.info(() -> "The embedded PostgreSQL in " + directory + " trusted local connections; from now on it"
                    + " requires the password in " + fileFor(directory));
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute("ALTER ROLE " + EmbeddedDatabase.USER + " PASSWORD '" + password + "'");
                Files.writeString(hba, TRUST.matcher(rules).replaceAll("$1scram-sha-256$2"));
                statement.execute("SELECT pg_reload_conf()");
            }
            awaitRequired(server.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("could not update " + hba, e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not set the embedded PostgreSQL's password: " + e.getMessage(), e);
        }
    }

    /** The reload is asynchronous: waits until a connection without the password is refused. */
    private static void awaitRequired(int port) throws SQLException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        String url = "jdbc:postgresql://localhost:" + port + "/" + EmbeddedDatabase.DATABASE + "?user="
                + EmbeddedDatabase.USER;
        while (true) {
            try (Connection unprotected = java.sql.DriverManager.getConnection(url)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the embedded PostgreSQL still accepts connections without"
                            + " its password");
                }
            } catch (SQLException refused) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while setting the embedded PostgreSQL's password", e);
            }
        }
    }

    /** Every non-comment rule of {@code pg_hba.conf}, for tests. */
    static List<String> rules(Path directory) throws IOException {
        return Files.readAllLines(directory.resolve("pg_hba.conf")).stream()
                .map(String::trim).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }
}
