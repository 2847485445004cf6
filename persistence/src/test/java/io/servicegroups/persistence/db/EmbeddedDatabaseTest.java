package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The zero-setup database: real PostgreSQL whose data survives a restart. */
class EmbeddedDatabaseTest {

    @Test
    void dataWrittenBeforeARestartIsThereAfterIt(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres first = EmbeddedDatabase.start(directory);
             Connection connection = first.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create table kept (value text)");
            statement.execute("insert into kept values ('before restart')");
        }
        try (EmbeddedPostgres second = EmbeddedDatabase.start(directory);
             Connection connection = second.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value from kept")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("before restart");
            assertThat(second.getPostgresDatabase().getConnection().getMetaData().getDatabaseProductVersion())
                    .startsWith("17.");
        }
    }

    @Test
    void commitsAreDurable(@TempDir Path dataDir) throws Exception {
        try (EmbeddedPostgres server = EmbeddedDatabase.start(dataDir.resolve("postgres"));
             Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            for (String setting : new String[] {"fsync", "synchronous_commit", "full_page_writes"}) {
                try (ResultSet value = statement.executeQuery("show " + setting)) {
                    value.next();
                    assertThat(value.getString(1)).as(setting).isEqualTo("on");
                }
            }
        }
    }

    @Test
    void aDataDirThatCannotBeWrittenSaysWhy(@TempDir Path dataDir) throws Exception {
        Path file = java.nio.file.Files.writeString(dataDir.resolve("a-file"), "");
        assertThatThrownBy(() -> EmbeddedDatabase.start(file.resolve("data").resolve("postgres")))
                .isInstanceOf(io.quarkus.runtime.configuration.ConfigurationException.class)
                .hasMessageContaining("SG_DATA_DIR")
                .hasMessageContaining("not a directory")
                .hasMessageNotContaining("another process");
    }

    @Test
    void anUnusableDataDirIsRefusedWhenTheConfigurationIsReadAndAUsableOneIsNotTouched(@TempDir Path dataDir)
            throws Exception {
        Path file = java.nio.file.Files.writeString(dataDir.resolve("a-file"), "");
        assertThatThrownBy(() -> DataDirectory.requireUsable(file.resolve("data")))
                .isInstanceOf(io.quarkus.runtime.configuration.ConfigurationException.class)
                .hasMessageContaining("SG_DATA_DIR")
                .hasMessageContaining("not a directory");
        Path fresh = dataDir.resolve("not").resolve("yet");
        DataDirectory.requireUsable(fresh);
        assertThat(fresh.getParent()).doesNotExist();
    }

    @Test
    void permissionDeniedIsNamed() {
        // the build may run as root, which no permission stops: the wording is checked on the exception itself
        assertThat(DataDirectory.reason(new java.nio.file.AccessDeniedException("/srv/sg")))
                .startsWith("permission denied");
    }

    @Test
    void aPathTheFileSystemCannotHoldIsExplainedNotRepeated() {
        // /proc refuses new directories even to root; the exception's message is only the path
        assertThat(DataDirectory.reason(new java.nio.file.NoSuchFileException("/proc/sg")))
                .doesNotContain("/proc/sg").contains("no such file or directory");
    }

    @Test
    void startOnceRunsOneServerPerJvm(@TempDir Path dataDir, @TempDir Path otherDir) throws Exception {
        DatabaseUrl first = EmbeddedDatabase.startOnce(dataDir);
        DatabaseUrl again = EmbeddedDatabase.startOnce(dataDir);
        assertThat(again).isEqualTo(first);
        try (Connection connection = DriverManager.getConnection(first.jdbcUrl())) {
            assertThat(connection.isValid(5)).isTrue();
        }
        assertThatThrownBy(() -> EmbeddedDatabase.startOnce(otherDir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already runs an embedded PostgreSQL");
    }
}
