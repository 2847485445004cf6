package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with {@code kill -9} (what the OOM killer does) leaves its PostgreSQL running: the next start
 * stops that orphan and proceeds; while the server that started it lives, a start fails at once and says why.
 * The "server" is a separate JVM that starts the embedded PostgreSQL.
 */
class DataDirectoryOwnerTest {
    private Process child;

    @AfterEach
    void killChild() throws Exception {
        if (child != null && child.isAlive()) {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStartAfterTheOwnerWasKilledStopsTheOrphanAndProceeds(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        startChild(directory);
        long orphanPid = DataDirectoryOwner.runningPostmaster(directory).orElseThrow().pid();

        long started = System.nanoTime();
        assertThatThrownBy(() -> EmbeddedDatabase.start(directory))
                .as("the owner lives: the directory is in use")
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in use by a running server (process " + child.pid() + ")")
                .hasMessageContaining("SG_DATA_DIR");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds to refuse")
                .isLessThan(10);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("its PostgreSQL untouched")
                .contains(true);

        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS); // kill -9: no shutdown hook runs
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("orphaned PostgreSQL")
                .contains(true);

        try (EmbeddedPostgres server = EmbeddedDatabase.start(directory);
             Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("select value from written_by_child")) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                    .as("the orphan was stopped").isFalse();
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("kept");
        }
    }

    @Test
    void aDirectoryInUseByThisProcessIsRefusedAndKeepsServing(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        try (EmbeddedPostgres ours = EmbeddedDatabase.start(directory)) {
            assertThatThrownBy(() -> EmbeddedDatabase.start(directory))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SG_DATA_DIR");
            try (Connection connection = ours.getPostgresDatabase().getConnection()) {
                assertThat(connection.isValid(5)).as("still serving").isTrue();
            }
        }
    }

    private void startChild(Path directory) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        child = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                ServerInChildProcess.class.getName(), directory.toString()))
                .redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = output.readLine()) != null && !line.startsWith("started ")) {
            seen.append(line).append('\n');
        }
        assertThat(line).as("the child started PostgreSQL; its output:\n" + seen).isNotNull();
        Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
        drain.setDaemon(true);
        drain.start();
    }
}
