package io.servicegroups.api.persistence;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.servicegroups.api.support.Db;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.persistence.GroupReads;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * Migration V6: a group row carries its attached instances' uuids in order of attachment, kept by a trigger on
 * instance, whichever way and however concurrently instances are attached and detached.
 */
@QuarkusTest
class InstancesOnTheGroupRowTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    Pool pool;
    @Inject
    GroupReads reads;

    /** Made by POST /v1/services: persistent, so it outlives its instances. */
    private UUID persistentGroup() {
        return UUID.fromString(createGroup("alice", group(unique("row-inst"), List.of())));
    }

    private List<UUID> onTheRow(UUID group) {
        Row row = new Db(pool).query("select instance_ids from service_group where id = $1", group).iterator().next();
        return Arrays.asList(row.getArrayOfUUIDs(0));
    }

    private List<UUID> bySeq(UUID group) {
        Row row = new Db(pool).query("select array(select id from instance where service_group_id = $1 order by seq)",
                group).iterator().next();
        return Arrays.asList(row.getArrayOfUUIDs(0));
    }

    private String attachThroughApi(UUID group, int n) {
        return createInstance("alice", Map.of("address", "10.16.0." + n, "service_group", Map.of("uuid", group)));
    }

    private static Uni<RowSet<Row>> insertAttached(SqlConnection connection, UUID instance, UUID group) {
        return connection.preparedQuery("insert into instance (id, owner, name, address, state, service_group_id,"
                        + " created_at) values ($1, 'alice', $2, '10.16.1.1', 'running', $3, now())")
                .execute(Tuple.of(instance, unique("raw"), group));
    }

    @Test
    void attachingAndDetachingKeepTheRowInOrderOfAttachment() {
        UUID group = persistentGroup();
        List<UUID> instances = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            instances.add(UUID.fromString(attachThroughApi(group, i)));
        }
        assertThat(onTheRow(group)).containsExactlyElementsOf(instances);

        as("alice").delete("/v1/instances/" + instances.get(1)).then().statusCode(200);
        assertThat(onTheRow(group)).containsExactly(instances.get(0), instances.get(2));
        List<String> answered = as("alice").get("/v1/services/" + group).then().statusCode(200)
                .extract().path("data.service_groups[0].instances");
        assertThat(answered).containsExactly(instances.get(0).toString(), instances.get(2).toString());
    }

    /** The case the trigger locks the row for before reading: an attachment waiting for another one's commit. */
    @Test
    void anAttachmentThatWaitedForAnotherSeesIt() {
        UUID group = persistentGroup();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SqlConnection one = pool.getConnection().await().atMost(TIMEOUT);
        SqlConnection two = pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction tx1 = one.begin().await().atMost(TIMEOUT);
            insertAttached(one, first, group).await().atMost(TIMEOUT);
            Transaction tx2 = two.begin().await().atMost(TIMEOUT);
            CompletableFuture<RowSet<Row>> waiting = insertAttached(two, second, group).subscribeAsCompletionStage();
            assertThatThrownBy(() -> waiting.get(300, TimeUnit.MILLISECONDS))
                    .as("the second attachment waits for the group row").isInstanceOf(TimeoutException.class);
            tx1.commit().await().atMost(TIMEOUT);
            waiting.orTimeout(30, TimeUnit.SECONDS).join();
            tx2.commit().await().atMost(TIMEOUT);
        } finally {
            one.closeAndAwait();
            two.closeAndAwait();
        }
        assertThat(onTheRow(group)).containsExactly(first, second).isEqualTo(bySeq(group));
    }

    @Test
    void concurrentAttachmentsThroughTheApiAreAllOnTheRow() throws Exception {
        UUID group = persistentGroup();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<String>> attached = new ArrayList<>();
            for (int i = 1; i <= 16; i++) {
                int n = i;
                attached.add(CompletableFuture.supplyAsync(() -> attachThroughApi(group, n), clients));
            }
            List<UUID> uuids = new ArrayList<>();
            for (CompletableFuture<String> one : attached) {
                uuids.add(UUID.fromString(one.get(60, TimeUnit.SECONDS)));
            }
            assertThat(onTheRow(group)).hasSize(16).containsExactlyInAnyOrderElementsOf(uuids)
                    .isEqualTo(bySeq(group));
        } finally {
            clients.shutdownNow();
        }
    }

    /** The read side answers the row's array as it is, in order of attachment. */
    @Test
    void theReadSideAnswersTheRowsInstances() throws Throwable {
        UUID group = persistentGroup();
        List<UUID> attached = List.of(UUID.fromString(attachThroughApi(group, 21)),
                UUID.fromString(attachThroughApi(group, 22)));
        List<ServiceGroup> found = VertxContextSupport.subscribeAndAwait(
                () -> reads.find("alice", List.of(group), List.of(), true));
        assertThat(found.get(0).instances()).isEqualTo(attached);
    }

    @Test
    void onlyTheTriggerWritesTheArray() {
        UUID group = persistentGroup();
        attachThroughApi(group, 9);
        assertThatThrownBy(() -> new Db(pool).query("update service_group set instance_ids = '{}' where id = $1",
                group)).hasMessageContaining("follow instance.service_group_id");
        assertThat(onTheRow(group)).hasSize(1);
    }

    /** The instance's event announces the attachment; the group's array changing publishes no group event. */
    @Test
    void anAttachmentIsNoChangeEventOfTheGroup() {
        UUID group = persistentGroup();
        SqlConnection connection = pool.getConnection().await().atMost(TIMEOUT);
        try {
            Transaction tx = connection.begin().await().atMost(TIMEOUT);
            insertAttached(connection, UUID.randomUUID(), group).await().atMost(TIMEOUT);
            // rows not yet committed: the relay cannot have taken them
            // (the group's creation event may still be queued: only updates of the group count)
            RowSet<Row> events = connection.preparedQuery("select (payload::jsonb ->> 'entity') || ' '"
                    + " || (payload::jsonb ->> 'change') from change_outbox where (payload::jsonb ->> 'uuid' = $1"
                    + " and payload::jsonb ->> 'change' = 'updated') or payload::jsonb ->> 'service_group' = $1")
                    .execute(Tuple.of(group.toString())).await().atMost(TIMEOUT);
            List<String> entities = new ArrayList<>();
            events.forEach(row -> entities.add(row.getString(0)));
            assertThat(entities).containsExactly("instance created");
            tx.rollback().await().atMost(TIMEOUT);
        } finally {
            connection.closeAndAwait();
        }
        assertThat(onTheRow(group)).isEmpty();
    }
}
