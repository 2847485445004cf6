package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL's superuser needs its password, kept beside the data and readable by its owner only. */
class SuperuserPasswordTest {

    @Test
    void aConnectionWithoutThePasswordIsRefused(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres server = EmbeddedDatabase.start(directory)) {
            assertRefusedWithoutPassword(server.getPort());
            assertThat(connects(EmbeddedDatabase.url(directory, server.getPort()))).isTrue();
            Path file = dataDir.resolve(SuperuserPassword.FILE_NAME);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(Files.readString(file)).hasSizeGreaterThanOrEqualTo(32);
            assertThat(SuperuserPassword.rules(directory)).isNotEmpty().noneMatch(rule -> rule.contains("trust"));
        }
    }

    @Test
    void aDataDirectoryOfAnEarlierVersionGetsThePasswordAtItsFirstStart(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(directory)
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
             Connection connection = DriverManager.getConnection(old.getJdbcUrl("postgres", "postgres"));
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('from an earlier version')");
        }
        assertThat(SuperuserPassword.rules(directory)).anyMatch(rule -> rule.endsWith("trust"));

        try (EmbeddedPostgres server = EmbeddedDatabase.start(directory)) {
            assertRefusedWithoutPassword(server.getPort());
            DatabaseUrl url = EmbeddedDatabase.url(directory, server.getPort());
            try (Connection connection = DriverManager.getConnection(url.jdbcUrl());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("from an earlier version");
            }
        }
        try (EmbeddedPostgres again = EmbeddedDatabase.start(directory)) {
            assertRefusedWithoutPassword(again.getPort());
            assertThat(connects(EmbeddedDatabase.url(directory, again.getPort()))).as("the same password").isTrue();
        }
    }

    private static void assertRefusedWithoutPassword(int port) {
        String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        assertThatThrownBy(() -> DriverManager.getConnection(url).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("password");
        assertThatThrownBy(() -> DriverManager.getConnection(url + "&password=guess").close())
                .isInstanceOf(SQLException.class).hasMessageContaining("password authentication failed");
    }

    private static boolean connects(DatabaseUrl url) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl())) {
            return connection.isValid(5);
        }
    }
}
