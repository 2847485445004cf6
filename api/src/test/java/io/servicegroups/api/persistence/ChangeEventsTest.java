package io.servicegroups.api.persistence;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.ChangeListener;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every change to a group or an instance is published on channel sg_changes once it has committed. */
@QuarkusTest
class ChangeEventsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @Inject
    Pool pool;
    private ChangeListener listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new ChangeListener(url);
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    @Test
    void createUpdateAndDeleteArePublished() throws Exception {
        String uuid = createGroup("alice", group(unique("events"), List.of()));
        JsonNode created = awaitEvent(uuid, "created");
        assertThat(created.get("entity").asText()).isEqualTo("service_group");
        assertThat(created.get("owner").asText()).isEqualTo("alice");

        new Db(pool).query("update service_group set persistent = false where id = $1", UUID.fromString(uuid));
        JsonNode updated = awaitEvent(uuid, "updated");
        assertThat(updated.get("fields")).extracting(JsonNode::asText).containsExactly("persistent");

        as("alice").delete("/v1/services/" + uuid).then().statusCode(200);
        awaitEvent(uuid, "deleted");
    }

    @Test
    void instanceChangesArePublishedWithTheirGroup() throws Exception {
        String group = createGroup("alice", group(unique("ev-group"), List.of()));
        String instance = createInstance("alice", java.util.Map.of("address", "10.15.0.1",
                "service_group", java.util.Map.of("uuid", group)));
        JsonNode created = awaitEvent(instance, "created");
        assertThat(created.get("entity").asText()).isEqualTo("instance");
        assertThat(created.get("service_group").asText()).isEqualTo(group);

        as("alice").contentType("application/json").body("{\"drain_timeout_ms\": 60000}")
                .put("/v1/instances/" + instance + "/stop").then().statusCode(200);
        JsonNode draining = awaitEvent(instance, "updated");
        assertThat(draining.get("fields")).extracting(JsonNode::asText).containsExactly("drain_deadline", "state");

        as("alice").delete("/v1/instances/" + instance).then().statusCode(200);
        awaitEvent(instance, "deleted");
    }

    @Test
    void secondAttachPublishesTheGroupBecomingPersistent() throws Exception {
        java.util.Map<String, Object> owner = io.servicegroups.api.support.Api.createInstances("alice", java.util.Map.of(
                "address", "10.15.0.2", "service_group", java.util.Map.of("services", List.of())))
                .extract().path("data.instances[0]");
        @SuppressWarnings("unchecked")
        String group = ((java.util.Map<String, String>) owner.get("service_group")).get("uuid");
        awaitEvent(group, "created");
        createInstance("alice", java.util.Map.of("address", "10.15.0.3", "service_group", java.util.Map.of("uuid", group)));
        JsonNode updated = awaitEvent(group, "updated");
        assertThat(updated.get("entity").asText()).isEqualTo("service_group");
        assertThat(updated.get("fields")).extracting(JsonNode::asText).containsExactly("persistent");
    }

    /** The trigger queues the event inside the transaction, so a rollback takes it away unpublished. */
    @Test
    void rolledBackChangesPublishNothing() throws Exception {
        UUID id = UUID.randomUUID();
        Db db = new Db(pool);
        try {
            db.query("do $$ begin insert into service_group (id, owner, name, fqdn, persistent, soft_limit,"
                    + " hard_limit, created_at) values ('" + id + "', 'alice', 'rolled-back', 'rolled-back.x', true,"
                    + " 1, 65535, now()); raise exception 'roll back'; end $$");
        } catch (RuntimeException expected) {
            // the block fails on purpose
        }
        String marker = createGroup("alice", group(unique("marker"), List.of()));
        List<JsonNode> events = eventsUntil(marker);
        assertThat(events).noneMatch(event -> event.get("uuid").asText().equals(id.toString()));
    }

    private JsonNode awaitEvent(String uuid, String change) throws Exception {
        return eventsUntil(uuid).stream()
                .filter(event -> event.get("uuid").asText().equals(uuid) && event.get("change").asText().equals(change))
                .findFirst().orElseThrow(() -> new AssertionError("no " + change + " event for " + uuid));
    }

    /** Events received until one for {@code uuid} arrives (at most 10 s). */
    private List<JsonNode> eventsUntil(String uuid) throws Exception {
        List<JsonNode> events = new ArrayList<>();
        for (String payload : listener.until(payload -> uuidOf(payload).equals(uuid), Duration.ofSeconds(10))) {
            events.add(JSON.readTree(payload));
        }
        return events;
    }

    private static String uuidOf(String payload) {
        try {
            return JSON.readTree(payload).path("uuid").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
