package io.servicegroups.api.http;

import static io.restassured.RestAssured.given;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfEnvironmentVariable;

/**
 * {@code kill -9} of the embedded PostgreSQL while the server runs: the supervisor starts it again and the API
 * recovers without a restart; readiness is down while it restarts. Only the embedded database has a supervisor,
 * so the run against an external PostgreSQL (SG_DB_URL) skips this class.
 */
@QuarkusTest
@DisabledIfEnvironmentVariable(named = "SG_DB_URL", matches = ".+",
        disabledReason = "an external PostgreSQL is not supervised; this tests the embedded one")
class EmbeddedDatabaseRecoveryTest {
    private static final String OUTAGE_PROPERTY = "servicegroups.embedded-postgres.down-since";

    @Test
    void theApiRecoversFromAKilledDatabaseWithoutARestart() throws Exception {
        String name = unique("survivor");
        String uuid = createGroup("alice", group(name, List.of()));
        Path directory = Path.of(System.getProperty("servicegroups.embedded-postgres.dir"));
        long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();

        assertThat(new ProcessBuilder("kill", "-KILL", Long.toString(pid)).start().waitFor()).isZero();
        postmaster.onExit().get(30, TimeUnit.SECONDS);

        // a backend of the killed postmaster may still answer a pooled connection for a moment (200), until it
        // notices; recovered means a 200 once a new postmaster runs
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        boolean recovered = false;
        while (!recovered && System.nanoTime() < deadline) {
            int status = as("alice").get("/v1/services/" + uuid).statusCode();
            assertThat(status).as("while the database restarts").isIn(200, 503);
            recovered = status == 200 && restarted(directory, pid);
            if (!recovered) {
                Thread.sleep(200);
            }
        }
        as("alice").get("/v1/services/" + uuid).then().statusCode(200)
                .body("data.service_groups[0].name", is(name));
        assertThat(Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim()))
                .as("a new postmaster").isNotEqualTo(pid);
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** Whether a postmaster other than {@code killed} has written its pid file. */
    private static boolean restarted(Path directory, long killed) {
        try {
            List<String> lines = Files.readAllLines(directory.resolve("postmaster.pid"));
            return !lines.isEmpty() && Long.parseLong(lines.get(0).trim()) != killed;
        } catch (java.io.IOException | NumberFormatException e) {
            return false;
        }
    }

    @Test
    void readinessIsDownWhileTheSupervisorRestartsTheDatabase() {
        System.setProperty(OUTAGE_PROPERTY, Instant.now().toString());
        try {
            given().get("/q/health/ready").then().statusCode(503)
                    .body("checks.data.embedded-postgresql", hasItem(containsString("restarting since")));
        } finally {
            System.clearProperty(OUTAGE_PROPERTY);
        }
        given().get("/q/health/ready").then().statusCode(200);
    }
}
