package io.servicegroups.api.http;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A write batch answers what it did even when the database makes it wait: items committed before are successes,
 * an item stuck behind another session's lock is cancelled by the database (statement timeout) and rolled back
 * (error 0), items after it proceed while the request has time, the rest are not started (error 0); never a
 * request-level 503 after a commit. A request waiting in vain for a pooled connection answers 503. Runs on the
 * embedded and on an external database alike; the lock is held by a session of the test's own.
 */
@QuarkusTest
@TestProfile(DatabaseTimeoutsTest.ShortTimeouts.class)
class DatabaseTimeoutsTest {
    private static final String DOMAIN = ".fra0.kraft.host";

    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sg.db.statement-timeout", "2s", "sg.db.idle-in-transaction-timeout", "3s",
                    "sg.api.request-timeout", "7s", "sg.db.pool-wait-timeout", "1s",
                    "quarkus.datasource.reactive.max-size", "2");
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @Inject
    Pool pool;

    private final List<Connection> holders = new ArrayList<>();

    @AfterEach
    void releaseLocks() throws SQLException {
        for (Connection holder : holders) {
            holder.rollback();
            holder.close();
        }
    }

    @Test
    void theSessionsOfTheApiCarryTheTimeouts() {
        Db db = new Db(pool);
        assertThat(db.query("show statement_timeout").iterator().next().getString(0)).isEqualTo("2s");
        assertThat(db.query("show idle_in_transaction_session_timeout").iterator().next().getString(0))
                .isEqualTo("3s");
    }

    @Test
    void anItemStuckBehindALockIsRolledBackAndTheOthersAreReported() throws Exception {
        String blocked = unique("locked");
        holdDnsName(blocked);
        String first = unique("first");
        String last = unique("last");

        long started = System.nanoTime();
        json("alice", List.of(withDnsName(first), withDnsName(blocked), withDnsName(last))).post("/v1/services")
                .then().statusCode(200)
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[1].status", is("error"))
                .body("data.service_groups[1].error", is(0))
                .body("data.service_groups[1].message", is("not done: the database did not answer in time"
                        + " (sg.db.statement-timeout); it was rolled back"))
                .body("data.service_groups[2].status", is("success"));
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).as("seconds").isLessThan(7);

        releaseLocks();
        holders.clear();
        Db db = new Db(pool);
        assertThat(db.count("select count(*) from service_group where fqdn = $1", first + DOMAIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from service_group where fqdn = $1", last + DOMAIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from service_group where fqdn = $1", blocked + DOMAIN))
                .as("rolled back, and the lock holder's row rolled back too").isZero();
    }

    @Test
    void itemsNotStartedInTheRequestTimeAreReportedAsNotDone() throws Exception {
        List<String> blocked = List.of(unique("held"), unique("held"), unique("held"), unique("held"));
        for (String name : blocked) {
            holdDnsName(name);
        }
        String first = unique("first");
        String last = unique("last");
        List<Object> batch = new ArrayList<>();
        batch.add(withDnsName(first));
        blocked.forEach(name -> batch.add(withDnsName(name)));
        batch.add(withDnsName(last));

        // 2 s per blocked item; items start within 7 s - 2 s: three are tried, the fourth and the last are not
        Response answer = json("alice", batch).post("/v1/services");
        answer.then().statusCode(200)
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[1].message", is("not done: the database did not answer in time"
                        + " (sg.db.statement-timeout); it was rolled back"))
                .body("data.service_groups[4].error", is(0))
                .body("data.service_groups[4].message", is("not done: not started, the request's time"
                        + " (sg.api.request-timeout) ran out"))
                .body("data.service_groups[5].error", is(0))
                .body("data.service_groups[5].message", is("not done: not started, the request's time"
                        + " (sg.api.request-timeout) ran out"));
        assertThat(answer.time()).as("milliseconds, far from the 19 s backstop").isLessThan(10_000);
        releaseLocks();
        holders.clear();
        assertThat(new Db(pool).count("select count(*) from service_group where fqdn = $1", first + DOMAIN))
                .isEqualTo(1);
        assertThat(new Db(pool).count("select count(*) from service_group where fqdn = $1", last + DOMAIN))
                .isZero();
    }

    @Test
    void waitingForAPooledConnectionInVainAnswers503() throws Exception {
        List<String> blocked = List.of(unique("busy"), unique("busy"));
        for (String name : blocked) {
            holdDnsName(name);
        }
        // both pooled connections wait behind the locks (2 s each)
        List<CompletableFuture<Integer>> writers = new ArrayList<>();
        for (String name : blocked) {
            writers.add(CompletableFuture.supplyAsync(() -> json("alice", List.of(withDnsName(name)))
                    .post("/v1/services").statusCode()));
        }
        awaitWaitingLocks(2);
        as("alice").get("/v1/services").then().statusCode(503)
                .body("status", is("error"))
                .body("errors[0].status", is(503))
                .body("message", is("the database is unavailable; try again shortly"));
        for (CompletableFuture<Integer> writer : writers) {
            assertThat(writer.get(30, TimeUnit.SECONDS)).as("nothing done: the request fails as a whole")
                    .isEqualTo(503);
        }
    }

    private static Map<String, Object> withDnsName(String label) {
        return Map.of("dns_name", label, "services", List.of());
    }

    /** Another session inserts a group with this DNS name and keeps its transaction open. */
    private void holdDnsName(String label) throws SQLException {
        Connection holder = DriverManager.getConnection(jdbcUrl);
        holders.add(holder);
        holder.setAutoCommit(false);
        try (PreparedStatement insert = holder.prepareStatement("insert into service_group (id, owner, name, fqdn,"
                + " persistent, soft_limit, hard_limit, created_at) values (gen_random_uuid(), 'lock-holder', ?, ?,"
                + " true, 1, 1, now())")) {
            insert.setString(1, label);
            insert.setString(2, label + DOMAIN);
            insert.executeUpdate();
        }
    }

    private void awaitWaitingLocks(int expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (Connection observer = DriverManager.getConnection(jdbcUrl)) {
            while (waitingLocks(observer) < expected && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(waitingLocks(observer)).as("requests waiting behind the locks").isEqualTo(expected);
        }
    }

    /** Waiting locks of this database's sessions of the API (not of other tests' databases on the server). */
    private static long waitingLocks(Connection observer) throws SQLException {
        try (PreparedStatement query = observer.prepareStatement("select count(*) from pg_locks l join"
                + " pg_stat_activity a on a.pid = l.pid where not l.granted and a.datname = current_database()");
             ResultSet count = query.executeQuery()) {
            count.next();
            return count.getLong(1);
        }
    }
}
