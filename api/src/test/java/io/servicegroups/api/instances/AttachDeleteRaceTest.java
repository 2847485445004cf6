package io.servicegroups.api.instances;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstances;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.https;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * SPEC 8: an attach racing a delete ends with the delete refused (15) or the attach refused (8), never a
 * group deleted with an instance attached; likewise a second attach racing the owner's delete.
 */
@QuarkusTest
class AttachDeleteRaceTest {
    private static final String USER = "racer";

    @Inject
    Pool pool;
    private ExecutorService executor;

    @BeforeEach
    void startThreads() {
        executor = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @RepeatedTest(10)
    void attachRacingGroupDelete() throws Exception {
        String group = createGroup(USER, group(unique("race"), List.of()));
        List<Integer> codes = race(
                () -> createInstances(USER, Map.of("address", "10.14.0.1", "service_group", Map.of("uuid", group)))
                        .extract().path("data.instances[0].error"),
                () -> as(USER).delete("/v1/services/" + group).then().statusCode(200).extract()
                        .path("data.service_groups[0].error"));
        Integer attach = codes.get(0);
        Integer delete = codes.get(1);
        assertThat(List.of(attach == null ? 0 : attach, delete == null ? 0 : delete))
                .as("(attach, delete) error codes").isIn(List.of(0, 15), List.of(8, 0));
        long groups = new Db(pool).count("select count(*) from service_group where id = $1", UUID.fromString(group));
        long attached = new Db(pool).count("select count(*) from instance where service_group_id = $1",
                UUID.fromString(group));
        assertThat(groups).isEqualTo(delete == null ? 0 : 1);
        assertThat(attached).isEqualTo(attach == null ? 1 : 0);
    }

    @RepeatedTest(10)
    void secondAttachRacingOwnerDelete() throws Exception {
        Map<String, Object> owner = createInstances(USER, Map.of("address", "10.14.0.2", "service_group",
                Map.of("services", List.of(https(8080))))).extract().path("data.instances[0]");
        @SuppressWarnings("unchecked")
        String group = ((Map<String, String>) owner.get("service_group")).get("uuid");
        List<Integer> codes = race(
                () -> createInstances(USER, Map.of("address", "10.14.0.3", "service_group", Map.of("uuid", group)))
                        .extract().path("data.instances[0].error"),
                () -> as(USER).delete("/v1/instances/" + owner.get("uuid")).then().statusCode(200).extract()
                        .path("data.instances[0].error"));
        assertThat(codes.get(1)).as("the owner's delete always succeeds").isNull();
        Db db = new Db(pool);
        long groups = db.count("select count(*) from service_group where id = $1", UUID.fromString(group));
        if (codes.get(0) == null) {
            assertThat(groups).as("attached second: the group became persistent and stays").isEqualTo(1);
            assertThat(db.count("select count(*) from service_group where id = $1 and persistent",
                    UUID.fromString(group))).isEqualTo(1);
        } else {
            assertThat(codes.get(0)).isEqualTo(8);
            assertThat(groups).as("owner deleted first: the group went with it").isZero();
        }
    }

    /** Deterministic orders: a test transaction holds the group row; the two requests queue behind it in turn. */
    @org.junit.jupiter.api.Test
    void deleteQueuedBeforeAttachWinsAndTheAttachFindsNoGroup() throws Exception {
        String group = createGroup(USER, group(unique("queued"), List.of()));
        List<Integer> codes = queued(group,
                () -> as(USER).delete("/v1/services/" + group).then().extract().path("data.service_groups[0].error"),
                () -> createInstances(USER, Map.of("address", "10.14.0.4", "service_group", Map.of("uuid", group)))
                        .extract().path("data.instances[0].error"));
        assertThat(codes).containsExactly(null, 8);
    }

    @org.junit.jupiter.api.Test
    void attachQueuedBeforeDeleteWinsAndTheDeleteIsRefused() throws Exception {
        String group = createGroup(USER, group(unique("queued"), List.of()));
        List<Integer> codes = queued(group,
                () -> createInstances(USER, Map.of("address", "10.14.0.5", "service_group", Map.of("uuid", group)))
                        .extract().path("data.instances[0].error"),
                () -> as(USER).delete("/v1/services/" + group).then().extract().path("data.service_groups[0].error"));
        assertThat(codes).containsExactly(null, 15);
    }

    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    /** Holds the group's row lock, lets {@code first} then {@code second} queue behind it, then releases it. */
    private List<Integer> queued(String group, Callable<Integer> first, Callable<Integer> second) throws Exception {
        try (java.sql.Connection holder = java.sql.DriverManager.getConnection(jdbcUrl)) {
            holder.setAutoCommit(false);
            int holderPid;
            try (java.sql.Statement lock = holder.createStatement()) {
                lock.execute("select 1 from service_group where id = '" + group + "' for update");
                java.sql.ResultSet pid = lock.executeQuery("select pg_backend_pid()");
                pid.next();
                holderPid = pid.getInt(1);
            }
            Future<Integer> a = executor.submit(first);
            awaitWaiting(holderPid, 1);
            Future<Integer> b = executor.submit(second);
            awaitWaiting(holderPid, 2);
            holder.commit();
            return java.util.Arrays.asList(a.get(), b.get());
        }
    }

    /**
     * Sessions queued behind the holder, directly or behind another waiter: only this test's own waits, whatever
     * else runs on the (possibly shared) server.
     */
    private static final String WAITING_BEHIND = "with recursive waiting(pid) as ("
            + " select pid from pg_stat_activity where $1 = any(pg_blocking_pids(pid))"
            + " union select a.pid from pg_stat_activity a join waiting w on w.pid = any(pg_blocking_pids(a.pid)))"
            + " select count(*) from waiting";

    private void awaitWaiting(int holderPid, int requests) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline && new Db(pool).count(WAITING_BEHIND, holderPid) < requests) {
            Thread.sleep(20);
        }
        assertThat(new Db(pool).count(WAITING_BEHIND, holderPid))
                .as("requests waiting for the group's lock").isEqualTo(requests);
    }

    private List<Integer> race(Callable<Integer> first, Callable<Integer> second) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Future<Integer> a = executor.submit(() -> {
            start.await();
            return first.call();
        });
        Future<Integer> b = executor.submit(() -> {
            start.await();
            return second.call();
        });
        start.countDown();
        return java.util.Arrays.asList(a.get(), b.get());
    }
}
