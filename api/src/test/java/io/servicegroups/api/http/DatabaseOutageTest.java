package io.servicegroups.api.http;

import static io.restassured.RestAssured.given;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.servicegroups.api.support.LogRecords;
import io.servicegroups.persistence.db.EmbeddedDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SPEC 8: a database outage gives 503s with the envelope, not hangs, and service resumes without a restart
 * when the database returns. The application runs here against its own PostgreSQL, which the test stops.
 */
@QuarkusTest
@QuarkusTestResource(value = DatabaseOutageTest.OwnDatabase.class, restrictToAnnotatedClass = true)
class DatabaseOutageTest {

    /** A PostgreSQL of this test's own, given to the application as SG_DB_URL, on a fixed port. */
    public static class OwnDatabase implements QuarkusTestResourceLifecycleManager {
        static Path directory;
        static int port;
        static EmbeddedPostgres server;

        @Override
        public Map<String, String> start() {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
                directory = Files.createTempDirectory("sg-outage").resolve("postgres");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = EmbeddedDatabase.start(directory, port);
            return Map.of("sg.db.url", EmbeddedDatabase.url(directory, port).reactiveUrl(),
                    "sg.api.request-timeout", "3s");
        }

        @Override
        public void stop() {
            close();
        }

        static void close() {
            try {
                if (server != null) {
                    server.close();
                    server = null;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static void restart() {
            server = EmbeddedDatabase.start(directory, port);
        }

        /**
         * Freezes (SIGSTOP) or thaws (SIGCONT) the server and every backend it forked: it keeps its connections
         * but answers nothing.
         */
        static void signal(String signal) throws IOException, InterruptedException {
            String pid = Files.readAllLines(directory.resolve("postmaster.pid")).get(0).trim();
            Process backends = new ProcessBuilder("pkill", "-" + signal, "-P", pid).inheritIO().start();
            backends.waitFor();
            Process postmaster = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
            assertThat(postmaster.waitFor()).as("kill -" + signal).isZero();
        }
    }

    @Test
    void outageAnswers503QuicklyAndServiceResumesWhenTheDatabaseReturns() {
        String name = unique("outage");
        String uuid = createGroup("alice", group(name, List.of()));

        OwnDatabase.close();
        long started = System.nanoTime();
        as("alice").get("/v1/services/" + uuid).then().statusCode(503)
                .body("status", is("error"))
                .body("errors[0].status", is(503))
                .body("message", is("the database is unavailable; try again shortly"));
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to answer").isLessThan(10_000);
        as("alice").contentType("application/json").body(group(unique("lost"), List.of())).post("/v1/services")
                .then().statusCode(503);
        given().get("/q/health/ready").then().statusCode(503);

        OwnDatabase.restart();
        awaitStatus(() -> as("alice").get("/v1/services/" + uuid).statusCode(), 200);
        as("alice").get("/v1/services/" + uuid).then().statusCode(200)
                .body("data.service_groups[0].name", is(name));
        awaitStatus(() -> given().get("/q/health/ready").statusCode(), 200);
    }

    @Test
    void frozenDatabaseAnswers503AfterTheRequestTimeout() throws Exception {
        String uuid = createGroup("alice", group(unique("frozen"), List.of()));
        OwnDatabase.signal("STOP");
        try {
            long started = System.nanoTime();
            as("alice").get("/v1/services/" + uuid).then().statusCode(503)
                    .body("errors[0].status", is(503))
                    .body("message", org.hamcrest.Matchers.containsString("no answer within 3 s"));
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to answer")
                    .isBetween(2_500L, 8_000L);
            Response ready = given().get("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.time()).as("milliseconds readiness takes").isLessThan(2_000);
        } finally {
            OwnDatabase.signal("CONT");
        }
        awaitStatus(() -> as("alice").get("/v1/services/" + uuid).statusCode(), 200);
    }

    @Test
    void aBatchCutByAnOutageReportsWhatItDidAndTheOutageDoesNotFloodTheLog() throws Exception {
        String blocked = unique("blocked");
        List<Object> batch = new ArrayList<>();
        String first = unique("first");
        batch.add(Map.of("dns_name", first, "services", List.of()));
        batch.add(Map.of("dns_name", blocked, "services", List.of()));
        for (int i = 0; i < 998; i++) {
            batch.add(Map.of("services", List.of()));
        }
        String committed;
        try (LogRecords logs = LogRecords.capture()) {
            Connection holder = DriverManager.getConnection(EmbeddedDatabase.url(OwnDatabase.directory,
                    OwnDatabase.port).jdbcUrl());
            holder.setAutoCommit(false);
            holder.createStatement().executeUpdate("insert into service_group (id, owner, name, fqdn, persistent,"
                    + " soft_limit, hard_limit, created_at) values (gen_random_uuid(), 'lock-holder', 'held', '"
                    + blocked + ".fra0.kraft.host', true, 1, 1, now())");
            CompletableFuture<Response> answer = CompletableFuture.supplyAsync(() -> as("alice")
                    .contentType("application/json").body(batch).post("/v1/services"));
            awaitWaitingLock(holder);
            OwnDatabase.close(); // ends every session, the lock holder's too
            Response response = answer.get(30, TimeUnit.SECONDS);
            response.then().log().ifValidationFails().statusCode(200)
                    .body("data.service_groups", hasSize(1000))
                    .body("data.service_groups[0].status", is("success"));
            // the shutdown ends the lock holder's session too; when its rollback frees the lock before the
            // waiting insert is ended, that insert commits first: then it must be reported done
            if (!"success".equals(response.path("data.service_groups[1].status"))) {
                response.then().body("data.service_groups[1].error", is(0))
                        .body("data.service_groups[1].message", containsString("not done: the database became"
                                + " unavailable"));
            }
            response.then().body("data.service_groups[999].error", is(0))
                    .body("data.service_groups[999].message", containsString("not done: not started"));
            committed = response.path("data.service_groups[0].uuid");
            for (int i = 0; i < 20; i++) {
                as("alice").get("/v1/services").then().statusCode(503);
            }
            assertThat(logs.withStackTraces()).as(logs.describe()).hasSizeLessThanOrEqualTo(1);
            assertThat(logs.all()).as(logs.describe()).hasSizeLessThanOrEqualTo(4);
        } finally {
            OwnDatabase.restart();
            awaitStatus(() -> as("alice").get("/v1/services").statusCode(), 200);
        }
        as("alice").get("/v1/services/" + committed).then().statusCode(200)
                .body("data.service_groups[0].fqdn", is(first + ".fra0.kraft.host"));
    }

    private static void awaitWaitingLock(Connection observer) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            try (ResultSet waiting = observer.createStatement().executeQuery(
                    "select count(*) from pg_locks where not granted")) {
                waiting.next();
                if (waiting.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the batch never waited for the held lock");
    }

    /** Pools notice the database's return at their next attempt; a few seconds at most. */
    private static void awaitStatus(java.util.function.IntSupplier request, int expected) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        int status = request.getAsInt();
        while (status != expected && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            status = request.getAsInt();
        }
        assertThat(status).isEqualTo(expected);
    }
}
