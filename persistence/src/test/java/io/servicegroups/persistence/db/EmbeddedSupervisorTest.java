package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kill -9} of the supervised PostgreSQL: it is started again on the same port, and says so. */
class EmbeddedSupervisorTest {

    @Test
    void aKilledPostgresIsStartedAgainOnTheSamePort(@TempDir Path dataDir) throws Exception {
        Path directory = dataDir.resolve("postgres");
        List<Optional<Instant>> outages = new CopyOnWriteArrayList<>();
        try (EmbeddedSupervisor supervisor = EmbeddedSupervisor.start(directory, 0, outages::add)) {
            DatabaseUrl url = EmbeddedDatabase.url(directory, supervisor.port());
            assertThat(connects(url)).isTrue();
            ProcessHandle postmaster = DataDirectoryOwner.runningPostmaster(directory).orElseThrow();

            assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(postmaster.pid())).start().waitFor())
                    .isZero();
            postmaster.onExit().get(30, TimeUnit.SECONDS);

            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!connects(url) && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertThat(connects(url)).as("PostgreSQL answers again on port " + supervisor.port()).isTrue();
            assertThat(DataDirectoryOwner.runningPostmaster(directory).orElseThrow().pid())
                    .isNotEqualTo(postmaster.pid());
            // the supervisor records the end of the outage after its own restart completes, a moment later
            long recorded = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((supervisor.outage().isPresent() || outages.size() < 2) && System.nanoTime() < recorded) {
                Thread.sleep(100);
            }
            assertThat(supervisor.outage()).isEmpty();
            assertThat(outages).hasSize(2);
            assertThat(outages.get(0)).isPresent();
            assertThat(outages.get(1)).isEmpty();
        }
        assertThat(DataDirectoryOwner.runningPostmaster(directory)).as("stopped with the supervisor").isEmpty();
    }

    private static boolean connects(DatabaseUrl url) {
        try (Connection connection = DriverManager.getConnection(url.jdbcUrl())) {
            return connection.isValid(5);
        } catch (SQLException e) {
            return false;
        }
    }
}
