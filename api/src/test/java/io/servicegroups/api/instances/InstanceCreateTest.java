package io.servicegroups.api.instances;

import static io.servicegroups.api.support.Api.METRO_DOMAIN;
import static io.servicegroups.api.support.Api.UUID_PATTERN;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.createInstances;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.https;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.service;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/instances: private instances, attaching by uuid and by name, implicit groups (SPEC 4). */
@QuarkusTest
class InstanceCreateTest {
    private static final String USER = "alice";

    @Inject
    Pool pool;

    @Test
    void privateInstanceHasNoGroup() {
        String name = unique("solo");
        String uuid = createInstance(USER, Map.of("name", name, "address", "10.0.0.7"));
        Map<String, Object> item = as(USER).get("/v1/instances/" + uuid).then().statusCode(200)
                .body("data.instances[0].name", is(name))
                .body("data.instances[0].address", is("10.0.0.7"))
                .body("data.instances[0].state", is("running"))
                .body("data.instances[0].created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .extract().path("data.instances[0]");
        assertThat(item).doesNotContainKey("service_group");
    }

    @Test
    void createAnswersUuidNameStateAndGroup() {
        String groupName = unique("web");
        String group = createGroup(USER, group(groupName, List.of(https(8080))));
        Map<String, Object> item = createInstances(USER, Map.of("address", "backend.internal",
                "service_group", Map.of("uuid", group)))
                .body("status", is("success"))
                .body("data.instances[0].uuid", matchesPattern(UUID_PATTERN))
                .body("data.instances[0].name", matchesPattern("[a-z]+-[a-z]+-[a-z0-9]{8}"))
                .body("data.instances[0].state", is("running"))
                .body("data.instances[0].service_group.uuid", is(group))
                .body("data.instances[0].service_group.name", is(groupName))
                .body("data.instances[0].service_group.fqdn", startsWith(groupName + "-"))
                .extract().path("data.instances[0]");
        assertThat(item).containsOnlyKeys("status", "uuid", "name", "state", "service_group");
    }

    @Test
    void attachByNameAddsTheInstanceToTheGroup() {
        String groupName = unique("byname");
        String group = createGroup(USER, group(groupName, List.of()));
        String instance = createInstance(USER, Map.of("address", "10.1.1.1",
                "service_group", Map.of("name", groupName)));
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].instances", contains(instance))
                .body("data.service_groups[0].persistent", is(true));
    }

    @Test
    void implicitGroupIsCreatedNonPersistent() {
        String label = unique("implicit");
        Map<String, Object> created = createInstances(USER, Map.of("address", "10.2.2.2", "service_group",
                Map.of("dns_name", label, "services", List.of(https(8080), service(80, 443, "http", "redirect")))))
                .body("data.instances[0].service_group.fqdn", is(label + "." + METRO_DOMAIN))
                .extract().path("data.instances[0]");
        @SuppressWarnings("unchecked")
        String group = ((Map<String, String>) created.get("service_group")).get("uuid");
        as(USER).get("/v1/services/" + group).then()
                .body("data.service_groups[0].persistent", is(false))
                .body("data.service_groups[0].instances", contains(created.get("uuid")))
                .body("data.service_groups[0].services.port", contains(443, 80));
    }

    @Test
    void implicitGroupRulesApplyAndNameTheirField() {
        Db db = new Db(pool);
        long before = db.totalRows();
        createInstances(USER, Map.of("address", "10.2.2.3", "service_group",
                Map.of("services", List.of(service(443, 8080, "tls")))))
                .body("data.instances[0].error", is(7))
                .body("data.instances[0].message", startsWith("service_group.services[0].handlers"));
        createInstances(USER, Map.of("address", "10.2.2.3", "service_group", Map.of("dns_name", "www",
                "services", List.of())))
                .body("data.instances[0].error", is(14))
                .body("data.instances[0].message", startsWith("service_group.dns_name"));
        assertThat(db.totalRows()).isEqualTo(before);
    }

    @Test
    void implicitGroupWithTakenDnsNameCreatesNothing() {
        String label = unique("taken");
        createGroup("bob", Map.of("dns_name", label, "services", List.of()));
        Db db = new Db(pool);
        long before = db.totalRows();
        createInstances(USER, Map.of("address", "10.2.2.4", "service_group", Map.of("dns_name", label,
                "services", List.of())))
                .body("data.instances[0].error", is(23));
        assertThat(db.totalRows()).as("no instance without its group").isEqualTo(before);
    }

    @Test
    void attachingToAnotherUsersOrAMissingGroupIsNotFound() {
        String bobs = createGroup("bob", group(unique("bobs"), List.of()));
        Db db = new Db(pool);
        long before = db.totalRows();
        createInstances(USER, List.of(
                Map.of("address", "10.3.3.3", "service_group", Map.of("uuid", bobs)),
                Map.of("address", "10.3.3.3", "service_group", Map.of("uuid", UUID.randomUUID().toString())),
                Map.of("address", "10.3.3.3", "service_group", Map.of("name", "no-such-group"))))
                .body("status", is("error"))
                .body("data.instances[0].error", is(8))
                .body("data.instances[0].message", containsString("service group"))
                .body("data.instances[1].error", is(8))
                .body("data.instances[2].error", is(8));
        assertThat(db.totalRows()).isEqualTo(before);
        as("bob").get("/v1/services/" + bobs).then().body("data.service_groups[0].instances", is(List.of()));
    }

    @Test
    void serviceGroupMustBeEitherAReferenceOrANewGroup() {
        String name = unique("both");
        createGroup(USER, group(name, List.of()));
        createInstances(USER, List.of(
                Map.of("address", "10.4.4.4", "service_group", Map.of("name", name, "services", List.of())),
                Map.of("address", "10.4.4.4", "service_group", Map.of()),
                Map.of("address", "10.4.4.4", "service_group", Map.of("name", name,
                        "uuid", UUID.randomUUID().toString()))))
                .body("data.instances[0].error", is(7))
                .body("data.instances[1].error", is(13))
                .body("data.instances[2].error", is(17));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.3", "256.1.1.1", "host:80", "bad_host", "-lead.example", "caf\u00e9.example", " "})
    void invalidAddressesAreItemErrors(String address) {
        createInstances(USER, Map.of("address", address))
                .body("data.instances[0].error", is(7))
                .body("data.instances[0].message", startsWith("address"));
    }

    @Test
    void addressIsRequiredAndCanonicalised() {
        createInstances(USER, Map.of("name", unique("noaddr")))
                .body("data.instances[0].error", is(7))
                .body("data.instances[0].message", containsString("address: is required"));
        String uuid = createInstance(USER, Map.of("address", "Backend.Example.COM."));
        as(USER).get("/v1/instances/" + uuid).then().body("data.instances[0].address", is("backend.example.com"));
        String v6 = createInstance(USER, Map.of("address", "2001:DB8::7"));
        as(USER).get("/v1/instances/" + v6).then().body("data.instances[0].address", is("2001:db8::7"));
    }

    @Test
    void namesAreUniquePerUser() {
        String name = unique("dup");
        createInstance(USER, Map.of("name", name, "address", "10.5.5.5"));
        createInstances(USER, Map.of("name", name, "address", "10.5.5.6"))
                .body("data.instances[0].error", is(23))
                .body("data.instances[0].name", is(name));
        createInstances("bob", Map.of("name", name, "address", "10.5.5.6")).body("status", is("success"));
        createInstances(USER, Map.of("name", "Bad_Name", "address", "10.5.5.6"))
                .body("data.instances[0].error", is(7));
    }

    @Test
    void batchIsPartialSuccessInOrder() {
        createInstances(USER, List.of(Map.of("address", "10.6.6.6"), Map.of("address", "not valid"),
                Map.of("address", "10.6.6.7")))
                .body("status", is("partial_success"))
                .body("data.instances.status", contains("success", "error", "success"));
    }

    @Test
    void malformedBodiesAre400AndChangeNothing() {
        Db db = new Db(pool);
        long before = db.totalRows();
        json(USER, Map.of("address", 10)).post("/v1/instances").then().statusCode(400)
                .body("errors[0].message", containsString("address: expected a string"));
        json(USER, Map.of("address", "10.0.0.1", "image", "nginx")).post("/v1/instances").then().statusCode(400)
                .body("errors[0].message", containsString("image: unknown field"));
        json(USER, Map.of("address", "10.0.0.1", "service_group", "web")).post("/v1/instances").then()
                .statusCode(400).body("errors[0].message", containsString("service_group: expected an object"));
        json(USER, Map.of("address", "10.0.0.1", "service_group", Map.of("services", List.of(),
                "autoscale", true))).post("/v1/instances").then().statusCode(400)
                .body("errors[0].message", containsString("service_group.autoscale: unknown field"));
        as(USER).post("/v1/instances").then().statusCode(400);
        assertThat(db.totalRows()).isEqualTo(before);
    }

    @Test
    void getByBodyQueryAndLocalScope() {
        String a = unique("get-a");
        String b = unique("get-b");
        String uuidA = createInstance(USER, Map.of("name", a, "address", "10.7.7.7"));
        String uuidB = createInstance(USER, Map.of("name", b, "address", "10.7.7.8"));
        json(USER, List.of(Map.of("name", b), Map.of("uuid", uuidA), Map.of("name", "missing")))
                .get("/v1/instances").then().statusCode(200)
                .body("status", is("partial_success"))
                .body("data.instances[0].uuid", is(uuidB))
                .body("data.instances[1].name", is(a))
                .body("data.instances[2].error", is(8));
        Map<String, Object> brief = as(USER).get("/v1/instances?details=false&name=" + a).then()
                .extract().path("data.instances[0]");
        assertThat(brief).containsOnlyKeys("status", "uuid", "name");
        as("bob").get("/v1/instances/" + uuidA).then().body("data.instances[0].error", is(8));
        json(USER, Map.of("name", b)).get("/v1/instances/" + uuidA).then().statusCode(400);
        as(USER).get("/v1/instances/not-a-uuid").then().statusCode(400);
        // Paged from this test's own instances: a reused database may hold more than a page of older ones.
        as(USER).get("/v1/instances?count=1&from=" + uuidA).then().statusCode(200)
                .body("data.instances", org.hamcrest.Matchers.hasSize(1))
                .body("data.instances[0].uuid", is(uuidB))
                .body("data.instances[0].address", is("10.7.7.8"))
                .body("data.instances[0].previous_state", nullValue());
    }

    @Test
    void listingAllInstancesPagesLikeGroups() {
        new Db(pool).query("delete from instance where owner = 'pager'");
        List<String> created = createInstances("pager", List.of(Map.of("address", "10.8.0.1"),
                Map.of("address", "10.8.0.2"), Map.of("address", "10.8.0.3")))
                .extract().path("data.instances.uuid");
        List<String> first = as("pager").get("/v1/instances?count=2").then().statusCode(200)
                .extract().path("data.instances.uuid");
        List<String> second = as("pager").get("/v1/instances?count=2&from=" + first.get(1)).then()
                .extract().path("data.instances.uuid");
        assertThat(first).isEqualTo(created.subList(0, 2));
        assertThat(second).isEqualTo(created.subList(2, 3));
        as("pager").get("/v1/instances?from=" + UUID.randomUUID()).then().statusCode(400)
                .body("errors[0].error", is(8));
        as("pager").delete("/v1/instances/" + first.get(1)).then().statusCode(200)
                .body("data.instances[0].status", is("success"));
        List<String> afterDeleted = as("pager").get("/v1/instances?count=2&from=" + first.get(1)).then()
                .statusCode(200).extract().path("data.instances.uuid");
        assertThat(afterDeleted).as("a listing goes on after an instance deleted meanwhile")
                .isEqualTo(created.subList(2, 3));
    }
}
