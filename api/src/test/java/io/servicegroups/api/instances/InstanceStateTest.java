package io.servicegroups.api.instances;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.state;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PUT /v1/instances/stop and /start: the state machine and draining (SPEC 4). */
@QuarkusTest
class InstanceStateTest {
    private static final String USER = "alice";

    @Inject
    Pool pool;
    private String name;
    private String uuid;

    @BeforeEach
    void createRunningInstance() {
        name = unique("state");
        uuid = createInstance(USER, Map.of("name", name, "address", "10.12.0.1"));
    }

    private Row row() {
        return new Db(pool).query("select state, drain_deadline from instance where id = $1", UUID.fromString(uuid))
                .iterator().next();
    }

    private static String stopBody(String name, Object drain) {
        return "[{\"name\": \"" + name + "\"" + (drain == null ? "" : ", \"drain_timeout_ms\": " + drain) + "}]";
    }

    @Test
    void stopAtOnceThenStartAgain() {
        json(USER, stopBody(name, null)).put("/v1/instances/stop").then().statusCode(200)
                .body("status", is("success"))
                .body("data.instances[0].uuid", is(uuid))
                .body("data.instances[0].name", is(name))
                .body("data.instances[0].state", is("stopped"))
                .body("data.instances[0].previous_state", is("running"));
        json(USER, List.of(Map.of("uuid", uuid))).put("/v1/instances/start").then().statusCode(200)
                .body("data.instances[0].state", is("running"))
                .body("data.instances[0].previous_state", is("stopped"));
        assertThat(state(USER, uuid)).isEqualTo("running");
    }

    @Test
    void drainingStopsWhenTheTimeoutPasses() throws InterruptedException {
        json(USER, stopBody(name, 700)).put("/v1/instances/stop").then()
                .body("data.instances[0].state", is("draining"))
                .body("data.instances[0].previous_state", is("running"));
        assertThat(state(USER, uuid)).isEqualTo("draining");
        OffsetDateTime deadline = row().getOffsetDateTime("drain_deadline");
        assertThat(deadline).isAfter(OffsetDateTime.now()).isBefore(OffsetDateTime.now().plusSeconds(2));
        awaitState("stopped", Duration.ofSeconds(5));
        assertThat(row().getOffsetDateTime("drain_deadline")).isNull();
    }

    @Test
    void forceStopsADrainingInstanceAtOnce() {
        json(USER, stopBody(name, 60_000)).put("/v1/instances/stop").then()
                .body("data.instances[0].state", is("draining"));
        json(USER, "[{\"name\": \"" + name + "\", \"drain_timeout_ms\": 1000, \"force\": true}]")
                .put("/v1/instances/stop").then()
                .body("data.instances[0].state", is("stopped"))
                .body("data.instances[0].previous_state", is("draining"));
    }

    @Test
    void refusedTransitionsAreItemErrorsAndChangeNothing() {
        json(USER, List.of(Map.of("name", name))).put("/v1/instances/start").then().statusCode(200)
                .body("status", is("error"))
                .body("data.instances[0].error", is(14))
                .body("data.instances[0].message", containsString("already running"));
        json(USER, stopBody(name, 60_000)).put("/v1/instances/stop").then()
                .body("data.instances[0].state", is("draining"));
        OffsetDateTime deadline = row().getOffsetDateTime("drain_deadline");

        json(USER, stopBody(name, 5_000)).put("/v1/instances/stop").then()
                .body("data.instances[0].error", is(14))
                .body("data.instances[0].message", containsString("already draining"));
        json(USER, List.of(Map.of("name", name))).put("/v1/instances/start").then()
                .body("data.instances[0].error", is(14));
        assertThat(row().getString("state")).isEqualTo("draining");
        assertThat(row().getOffsetDateTime("drain_deadline")).isEqualTo(deadline);

        json(USER, stopBody(name, null)).put("/v1/instances/stop").then().body("data.instances[0].state", is("stopped"));
        json(USER, stopBody(name, null)).put("/v1/instances/stop").then()
                .body("data.instances[0].error", is(14))
                .body("data.instances[0].message", containsString("already stopped"));
    }

    @Test
    void drainTimeoutIsChecked() {
        json(USER, stopBody(name, -1)).put("/v1/instances/stop").then().statusCode(200)
                .body("data.instances[0].error", is(7))
                .body("data.instances[0].message", containsString("drain_timeout_ms"));
        json(USER, stopBody(name, "\"soon\"")).put("/v1/instances/stop").then().statusCode(400)
                .body("errors[0].message", containsString("drain_timeout_ms: expected an integer"));
        json(USER, "[{\"name\": \"" + name + "\", \"force\": \"yes\"}]").put("/v1/instances/stop").then()
                .statusCode(400);
        assertThat(state(USER, uuid)).isEqualTo("running");
    }

    @Test
    void localScopeStopAndStart() {
        json(USER, Map.of("drain_timeout_ms", 60_000)).put("/v1/instances/" + uuid + "/stop").then().statusCode(200)
                .body("data.instances[0].state", is("draining"));
        as(USER).put("/v1/instances/" + uuid + "/stop").then().body("data.instances[0].state", is("stopped"));
        json(USER, Map.of("name", name)).put("/v1/instances/" + uuid + "/start").then().statusCode(400)
                .body("errors[0].message", containsString("local scope"));
        as(USER).put("/v1/instances/" + uuid + "/start").then().body("data.instances[0].state", is("running"));
        as(USER).put("/v1/instances/" + UUID.randomUUID() + "/stop").then().statusCode(200)
                .body("data.instances[0].error", is(8));
        as("bob").put("/v1/instances/" + uuid + "/stop").then().body("data.instances[0].error", is(8));
        assertThat(state(USER, uuid)).isEqualTo("running");
    }

    @Test
    void batchStopIsPartialAndNeedsABody() {
        json(USER, "[{\"name\": \"" + name + "\"}, {\"name\": \"missing-instance\"}, {}]")
                .put("/v1/instances/stop").then().statusCode(200)
                .body("status", is("partial_success"))
                .body("data.instances[1].error", is(8))
                .body("data.instances[2].error", is(13));
        as(USER).put("/v1/instances/stop").then().statusCode(400);
        as(USER).put("/v1/instances/start").then().statusCode(400);
        json(USER, Map.of("name", name, "extra", 1)).put("/v1/instances/start").then().statusCode(400);
    }

    private void awaitState(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (expected.equals(state(USER, uuid))) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(state(USER, uuid)).as("state after " + timeout).isEqualTo(expected);
    }
}
