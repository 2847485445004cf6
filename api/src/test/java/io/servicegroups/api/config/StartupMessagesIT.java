package io.servicegroups.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What a newcomer reads when the packaged server starts: a normal start without warnings, and a start that
 * cannot go on (an unusable or busy data directory) as one message naming SG_DATA_DIR, not preceded by the
 * records Quarkus holds back until its logging is configured (Hibernate's version and "Database info").
 */
class StartupMessagesIT {
    private static final Path LOGS = Path.of("target", "startup-messages");

    private static ProcessBuilder server(String name, Path dataDir) throws IOException {
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = builder.environment();
        env.remove("SG_DB_URL");
        env.put("SG_DATA_DIR", dataDir.toString());
        env.put("SG_GATEWAY_ENABLED", "false");
        env.put("SG_AUTH_TOKENS", "alice:alice-token");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(freePort()));
        builder.redirectErrorStream(true).redirectOutput(LOGS.resolve(name + ".log").toFile());
        return builder;
    }

    /** Runs a start that must fail; answers the lines it printed. */
    private static List<String> failingStart(String name, Path dataDir) throws Exception {
        Process process = server(name, dataDir).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the start gives up").isTrue();
        assertThat(process.exitValue()).isNotZero();
        return Files.readAllLines(LOGS.resolve(name + ".log")).stream().filter(line -> !line.isBlank()).toList();
    }

    @Test
    void anUnusableDataDirectoryIsOneMessage() throws Exception {
        // /proc takes no new directories, whoever asks (root included)
        List<String> lines = failingStart("unusable", Path.of("/proc/servicegroups-test"));
        assertThat(String.join("\n", lines)).contains("SG_DATA_DIR").contains("/proc/servicegroups-test")
                .doesNotContain("HHH").doesNotContain("\tat ");
        assertThat(lines).as("a heading and the message: %s", lines).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aStartQuietlyRunsAndASecondServerOnTheSameDataIsOneMessage() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "startup-messages-");
        Process first = server("first", dataDir.toAbsolutePath()).start();
        try {
            Path log = LOGS.resolve("first.log");
            long deadline = System.currentTimeMillis() + 120_000;
            while (!Files.readString(log).contains("started in")) {
                assertThat(first.isAlive()).as(Files.readString(log)).isTrue();
                assertThat(System.currentTimeMillis()).as("started within 120 s").isLessThan(deadline);
                Thread.sleep(200);
            }
            assertThat(Files.readAllLines(log)).as("a normal start warns of nothing")
                    .noneMatch(line -> line.contains(" WARN ") || line.contains(" ERROR ") || line.contains("HHH"));

            List<String> lines = failingStart("second", dataDir.toAbsolutePath());
            assertThat(String.join("\n", lines)).contains("SG_DATA_DIR").doesNotContain("HHH")
                    .doesNotContain("\tat ");
            assertThat(lines).as("a heading and the message: %s", lines).hasSizeLessThanOrEqualTo(2);
        } finally {
            first.destroy();
            if (!first.waitFor(30, TimeUnit.SECONDS)) {
                first.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
