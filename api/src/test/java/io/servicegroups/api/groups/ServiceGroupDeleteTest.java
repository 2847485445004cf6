package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DELETE /v1/services and /v1/services/{uuid}: SPEC 3.7. */
@QuarkusTest
class ServiceGroupDeleteTest {
    private static final String USER = "alice";

    @Inject
    Pool pool;
    private Db db;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    @Test
    void deleteByPathAnswersUuidAndName() {
        String name = unique("del");
        String uuid = createGroup(USER, group(name, List.of()));
        Map<String, Object> item = as(USER).delete("/v1/services/" + uuid).then().statusCode(200)
                .body("status", is("success"))
                .extract().path("data.service_groups[0]");
        assertThat(item).containsEntry("status", "success").containsEntry("uuid", uuid).containsEntry("name", name)
                .containsOnlyKeys("status", "uuid", "name");
        assertThat(db.count("select count(*) from service_group where id = $1", UUID.fromString(uuid))).isZero();
        assertThat(db.count("select count(*) from published_service where group_id = $1", UUID.fromString(uuid)))
                .isZero();
        as(USER).get("/v1/services/" + uuid).then().body("data.service_groups[0].error", is(8));
    }

    @Test
    void deleteByBodyAndByQueryWithPartialSuccess() {
        String a = unique("del-a");
        String b = unique("del-b");
        String c = unique("del-c");
        String uuidA = createGroup(USER, group(a, List.of()));
        createGroup(USER, group(b, List.of()));
        createGroup(USER, group(c, List.of()));
        json(USER, List.of(Map.of("uuid", uuidA), Map.of("name", b), Map.of("name", "missing-group")))
                .delete("/v1/services").then().statusCode(200)
                .body("status", is("partial_success"))
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[1].name", is(b))
                .body("data.service_groups[2].error", is(8));
        as(USER).delete("/v1/services?name=" + c).then().statusCode(200).body("status", is("success"));
        as(USER).delete("/v1/services?name=" + c).then().statusCode(200)
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(8));
    }

    @Test
    void deleteIsRefusedWhileAnInstanceIsAttached() {
        String uuid = createGroup(USER, group(unique("busy"), List.of()));
        UUID instance = attachInstance(UUID.fromString(uuid));
        as(USER).delete("/v1/services/" + uuid).then().statusCode(200)
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(15))
                .body("data.service_groups[0].message", containsString("attached"));
        as(USER).get("/v1/services/" + uuid).then()
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].instances[0]", is(instance.toString()));

        db.query("delete from instance where id = $1", instance);
        as(USER).delete("/v1/services/" + uuid).then().body("status", is("success"));
    }

    @Test
    void databaseItselfRefusesToDeleteAGroupWithAnInstance() {
        String uuid = createGroup(USER, group(unique("fk"), List.of()));
        attachInstance(UUID.fromString(uuid));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> db.query("delete from service_group where id = $1",
                UUID.fromString(uuid))).hasMessageContaining("instance_service_group_id_fkey");
    }

    @Test
    void deleteNeedsToNameTheGroups() {
        as(USER).delete("/v1/services").then().statusCode(400)
                .body("errors[0].message", containsString("name the service groups"));
    }

    @Test
    void deleteOfBadPathUuidIs400() {
        as(USER).delete("/v1/services/1-1-1-1-1").then().statusCode(400);
    }

    private UUID attachInstance(UUID group) {
        UUID instance = UUID.randomUUID();
        db.query("insert into instance (id, owner, name, address, state, service_group_id, created_at)"
                        + " values ($1, $2, $3, '10.0.0.1', 'running', $4, $5)",
                instance, USER, unique("inst"), group, OffsetDateTime.now());
        return instance;
    }
}
