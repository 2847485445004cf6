package io.servicegroups.api.instances;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.createInstances;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.https;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The persistence transitions of SPEC 3.6, end to end through the API. */
@QuarkusTest
class InstanceLifecycleTest {
    private static final String USER = "alice";

    /** Creates an instance with an implicit group; answers [instance uuid, group uuid]. */
    private static List<String> withImplicitGroup(String dnsName) {
        Map<String, Object> item = createInstances(USER, Map.of("address", "10.9.9.9", "service_group",
                Map.of("dns_name", dnsName, "services", List.of(https(8080)))))
                .body("data.instances[0].status", is("success"))
                .extract().path("data.instances[0]");
        @SuppressWarnings("unchecked")
        Map<String, String> group = (Map<String, String>) item.get("service_group");
        return List.of((String) item.get("uuid"), group.get("uuid"));
    }

    @Test
    void deletingTheOwnerDeletesTheImplicitGroupAndFreesItsDnsName() {
        String label = unique("owned");
        List<String> created = withImplicitGroup(label);
        as(USER).delete("/v1/instances/" + created.get(0)).then().statusCode(200)
                .body("status", is("success"))
                .body("data.instances[0].uuid", is(created.get(0)));
        as(USER).get("/v1/services/" + created.get(1)).then().body("data.service_groups[0].error", is(8));
        create("bob", Map.of("dns_name", label, "services", List.of())).body("status", is("success"));
    }

    @Test
    void secondAttachMakesTheGroupPersistentForGood() {
        List<String> created = withImplicitGroup(unique("second"));
        String group = created.get(1);
        as(USER).get("/v1/services/" + group).then().body("data.service_groups[0].persistent", is(false));

        String second = createInstance(USER, Map.of("address", "10.9.9.10", "service_group", Map.of("uuid", group)));
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].persistent", is(true))
                .body("data.service_groups[0].instances", contains(created.get(0), second));

        as(USER).delete("/v1/instances/" + second).then().body("status", is("success"));
        as(USER).get("/v1/services/" + group).then().body("data.service_groups[0].persistent", is(true));
        as(USER).delete("/v1/instances/" + created.get(0)).then().body("status", is("success"));
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].instances", is(List.of()));
        as(USER).delete("/v1/services/" + group).then().body("status", is("success"));
    }

    @Test
    void explicitGroupOutlivesItsInstances() {
        String group = createGroup(USER, group(unique("explicit"), List.of()));
        String instance = createInstance(USER, Map.of("address", "10.9.9.11", "service_group", Map.of("uuid", group)));
        as(USER).delete("/v1/instances/" + instance).then().body("status", is("success"));
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].persistent", is(true));
    }

    @Test
    void deletingAGroupIsRefusedWhileInstancesAreAttached() {
        List<String> created = withImplicitGroup(unique("busy"));
        as(USER).delete("/v1/services/" + created.get(1)).then().statusCode(200)
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(15))
                .body("data.service_groups[0].message", containsString("1 instance attached"));
        as(USER).get("/v1/instances/" + created.get(0)).then().body("data.instances[0].status", is("success"));
    }

    @Test
    void groupsListTheirInstancesInOrderOfAttachment() {
        String group = createGroup(USER, group(unique("order"), List.of()));
        List<String> instances = createInstances(USER, List.of(
                Map.of("address", "10.10.0.1", "service_group", Map.of("uuid", group)),
                Map.of("address", "10.10.0.2", "service_group", Map.of("uuid", group)),
                Map.of("address", "10.10.0.3", "service_group", Map.of("uuid", group))))
                .extract().path("data.instances.uuid");
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].instances", is(instances));
    }

    @Test
    void deleteByBodyAndQuery() {
        String a = unique("del-a");
        String b = unique("del-b");
        createInstance(USER, Map.of("name", a, "address", "10.11.0.1"));
        String uuidB = createInstance(USER, Map.of("name", b, "address", "10.11.0.2"));
        json(USER, List.of(Map.of("name", a), Map.of("name", "missing"))).delete("/v1/instances").then()
                .statusCode(200)
                .body("status", is("partial_success"))
                .body("data.instances[1].error", is(8));
        as(USER).delete("/v1/instances?uuid=" + uuidB).then().body("status", is("success"));
        as(USER).delete("/v1/instances/" + uuidB).then().body("data.instances[0].error", is(8));
        as(USER).delete("/v1/instances").then().statusCode(400);
    }
}
