package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.https;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** GET /v1/services and /v1/services/{uuid}: SPEC 2 and 3.5. */
@QuarkusTest
class ServiceGroupGetTest {
    private static final String USER = "alice";
    private String nameA;
    private String nameB;
    private String uuidA;
    private String uuidB;

    @BeforeEach
    void createTwoGroups() {
        nameA = unique("get-a");
        nameB = unique("get-b");
        uuidA = createGroup(USER, group(nameA, List.of(https(8080))));
        uuidB = createGroup(USER, group(nameB, List.of()));
    }

    @Test
    void bodyWithUuidAndNameAnswersInOrder() {
        json(USER, List.of(Map.of("name", nameB), Map.of("uuid", uuidA))).get("/v1/services").then().statusCode(200)
                .body("status", is("success"))
                .body("data.service_groups.uuid", contains(uuidB, uuidA))
                .body("data.service_groups[1].services[0].port", is(443));
    }

    @Test
    void bodyWithSingleObjectWorks() {
        json(USER, Map.of("uuid", uuidA)).get("/v1/services").then().statusCode(200)
                .body("data.service_groups.name", contains(nameA));
    }

    @Test
    void queryParametersNameGroupsWithoutContentType() {
        as(USER).get("/v1/services?uuid=" + uuidA + "&name=" + nameB).then().statusCode(200)
                .body("data.service_groups.uuid", contains(uuidA, uuidB));
    }

    @Test
    void detailsFalseAnswersOnlyUuidAndName() {
        Map<String, Object> item = as(USER).get("/v1/services?details=false&uuid=" + uuidA).then().statusCode(200)
                .extract().path("data.service_groups[0]");
        assertThat(item).containsOnlyKeys("status", "uuid", "name");
        Map<String, Object> local = as(USER).get("/v1/services/" + uuidA + "?details=false").then()
                .extract().path("data.service_groups[0]");
        assertThat(local).containsOnlyKeys("status", "uuid", "name");
    }

    @Test
    void unknownGroupsAreItemErrors8WithHttp200() {
        String missing = UUID.randomUUID().toString();
        json(USER, List.of(Map.of("uuid", missing), Map.of("name", "no-such-group"), Map.of("uuid", uuidA)))
                .get("/v1/services").then().statusCode(200)
                .body("status", is("partial_success"))
                .body("data.service_groups[0].status", is("error"))
                .body("data.service_groups[0].error", is(8))
                .body("data.service_groups[0].uuid", is(missing))
                .body("data.service_groups[1].error", is(8))
                .body("data.service_groups[1].name", is("no-such-group"))
                .body("data.service_groups[2].status", is("success"));
        as(USER).get("/v1/services/" + missing).then().statusCode(200)
                .body("status", is("error"))
                .body("message", containsString(missing))
                .body("data.service_groups[0].error", is(8));
    }

    @Test
    void itemsNeedExactlyOneIdentifier() {
        json(USER, List.of(Map.of("uuid", uuidA, "name", nameA), Map.of(), Map.of("uuid", "not-a-uuid")))
                .get("/v1/services").then().statusCode(200)
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(17))
                .body("data.service_groups[1].error", is(13))
                .body("data.service_groups[2].error", is(7));
    }

    @Test
    void localScopeAnswersTheFullObject() {
        as(USER).get("/v1/services/" + uuidA).then().statusCode(200)
                .body("data.service_groups[0].name", is(nameA))
                .body("data.service_groups[0].services[0].handlers", contains("tls", "http"));
    }

    @Test
    void localScopeRefusesOtherIdentifiersInBody() {
        json(USER, Map.of("name", nameB)).get("/v1/services/" + uuidA).then().statusCode(400)
                .body("errors[0].message", containsString("local scope"));
        json(USER, Map.of("uuid", uuidB)).get("/v1/services/" + uuidA).then().statusCode(400);
        json(USER, Map.of("uuid", uuidA)).get("/v1/services/" + uuidA).then().statusCode(200)
                .body("data.service_groups[0].name", is(nameA));
    }

    @Test
    void badUuidInPathIs400() {
        as(USER).get("/v1/services/not-a-uuid").then().statusCode(400)
                .body("status", is("error"))
                .body("errors[0].status", is(400))
                .body("errors[0].message", containsString("not-a-uuid"));
    }

    @Test
    void bodyAndQueryDoNotMix() {
        json(USER, Map.of("uuid", uuidA)).queryParam("name", nameB).get("/v1/services").then().statusCode(400);
    }

    @Test
    void pagingParametersOnlyApplyToListingAll() {
        as(USER).get("/v1/services?uuid=" + uuidA + "&count=5").then().statusCode(400)
                .body("errors[0].message", containsString("count and from"));
    }

    @Test
    void detailsMustBeBoolean() {
        as(USER).get("/v1/services?details=maybe").then().statusCode(400)
                .body("errors[0].message", containsString("details"));
    }

    @Test
    void listingAllAnswersFullObjectsWithoutTopLevelMessage() {
        // Paged from this test's own groups: a reused database may hold more than a page of older ones.
        as(USER).get("/v1/services?count=1&from=" + uuidA).then().statusCode(200)
                .body("status", is("success"))
                .body("message", nullValue())
                .body("data.service_groups", hasSize(1))
                .body("data.service_groups[0].uuid", is(uuidB))
                .body("data.service_groups[0].fqdn", containsString(nameB))
                .body("data.service_groups[0].created_at", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void listingAllIsLimitedTo1000PerPage() {
        as(USER).get("/v1/services?count=1001").then().statusCode(400).body("errors[0].error", is(7));
        as(USER).get("/v1/services?count=0").then().statusCode(400);
        as(USER).get("/v1/services?count=ten").then().statusCode(400)
                .body("errors[0].message", containsString("count"));
        as(USER).get("/v1/services?from=nope").then().statusCode(400);
        as(USER).get("/v1/services?count=1").then().statusCode(200).body("data.service_groups", hasSize(1));
    }
}
