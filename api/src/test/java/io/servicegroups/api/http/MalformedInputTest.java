package io.servicegroups.api.http;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad input of every kind gets a clear error in the envelope and changes nothing in the database.
 * Each case checks the HTTP status, the envelope, the message naming the culprit, and the row count.
 */
@QuarkusTest
class MalformedInputTest {
    private static final String USER = "alice";

    @Inject
    Pool pool;
    private Db db;

    @BeforeEach
    void setUp() {
        db = new Db(pool);
    }

    /** Runs the request and checks that no row of any table was added or removed. */
    /** Runs a request that must fail, checking that it changed nothing. */
    private ValidatableResponse rejected(Supplier<ValidatableResponse> request) {
        return unchanged(request).body("status", is("error"));
    }

    private ValidatableResponse unchanged(Supplier<ValidatableResponse> request) {
        long before = db.totalRows();
        ValidatableResponse response = request.get();
        assertThat(db.totalRows()).as("rows after the request").isEqualTo(before);
        return response.contentType("application/json").body("op_time_us", notNullValue());
    }

    private ValidatableResponse post(String body) {
        return as(USER).contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/v1/services").then();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "truncated JSON           | {\"services\": [                                   | not valid JSON",
            "trailing garbage         | {\"services\": []} x                               | not valid JSON",
            "duplicate key            | {\"services\": [], \"services\": []}                 | Duplicate field",
            "not an object            | \"services\"                                       | body: expected an object",
            "array of numbers         | [1, 2]                                             | [0]: expected an object",
            "port as string           | {\"services\": [{\"port\": \"443\"}]}                  | services[0].port: expected an integer",
            "port as float            | {\"services\": [{\"port\": 443.5}]}                  | services[0].port: expected an integer",
            "port in exponent form    | {\"services\": [{\"port\": 4e2}]}                    | services[0].port: expected an integer",
            "services as object       | {\"services\": {\"port\": 443}}                      | services: expected an array",
            "handlers as string       | {\"services\": [{\"port\": 443, \"handlers\": \"tls\"}]} | services[0].handlers: expected an array",
            "handler as number        | {\"services\": [{\"port\": 443, \"handlers\": [1]}]}   | services[0].handlers[0]: expected a string",
            "name as number           | {\"name\": 5, \"services\": []}                      | name: expected a string",
            "dns_name as boolean      | {\"dns_name\": true, \"services\": []}               | dns_name: expected a string",
            "soft_limit as float      | {\"soft_limit\": 1.5, \"services\": []}              | soft_limit: expected an integer",
            "unknown top-level field  | {\"services\": [], \"autoscale\": true}              | autoscale: unknown field",
            "unknown nested field     | {\"services\": [{\"port\": 443, \"proto\": \"tcp\"}]}   | services[0].proto: unknown field",
            "unknown field in batch   | [{\"services\": []}, {\"services\": [], \"x\": 1}]      | [1].x: unknown field",
            "domains entry not object | {\"domains\": [\"a\"], \"services\": []}              | domains[0]: expected an object",
            "port beyond 64 bits      | {\"services\": [{\"port\": 99999999999999999999}]}   | services[0].port: 99999999999999999999 is out of range",
            "NUL in a name            | {\"name\": \"a\\u0000b\", \"services\": []}         | name: contains U+0000",
            "NUL in a dns_name        | {\"dns_name\": \"a\\u0000\", \"services\": []}       | dns_name: contains U+0000",
            "NUL in a handler         | {\"services\": [{\"port\": 443, \"handlers\": [\"tls\\u0000\"]}]} | services[0].handlers[0]: contains U+0000"})
    void malformedBodiesAre400(String what, String body, String message) {
        rejected(() -> post(body).statusCode(400))
                .body("errors[0].status", is(400))
                .body("errors[0].error", is(16))
                .body("message", containsString(message))
                .body("message", not(containsString("Exception")))
                .body("message", not(containsString("java.")));
    }

    @ParameterizedTest(name = "port {0} is out of range")
    @CsvSource({"0", "65536", "-1", "9223372036854775807"})
    void outOfRangePortsAreItemErrors(String port) {
        rejected(() -> post("{\"services\": [{\"port\": " + port + ", \"handlers\": [\"tls\"]}]}").statusCode(200))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("services[0].port"))
                .body("data.service_groups[0].message", containsString("out of range"));
    }

    @Test
    void outOfRangeDestinationPortIsAnItemError() {
        rejected(() -> post("{\"services\": [{\"port\": 443, \"destination_port\": 70000,"
                + " \"handlers\": [\"tls\", \"http\"]}]}").statusCode(200))
                .body("data.service_groups[0].message", containsString("services[0].destination_port"));
    }

    @Test
    void nonAsciiNamesAreItemErrors() {
        rejected(() -> create(USER, Map.of("name", "caf\u00e9", "services", java.util.List.of())))
                .body("data.service_groups[0].error", is(7));
        rejected(() -> create(USER, Map.of("name", "rocket-\uD83D\uDE80", "services", java.util.List.of())))
                .body("data.service_groups[0].error", is(7));
        rejected(() -> create(USER, Map.of("dns_name", "b\u00fccher", "services", java.util.List.of())))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("punycode"));
    }

    @Test
    void hugeBodyIs413() {
        String big = "[" + "{\"services\": []},".repeat(70_000) + "{\"services\": []}]";
        rejected(() -> post(big).statusCode(413))
                .body("errors[0].status", is(413))
                .body("message", containsString("larger than"));
    }

    @Test
    void tooManyItemsAre400WithCode5() {
        String batch = "[" + "{\"services\": []},".repeat(10_000) + "{\"services\": []}]";
        rejected(() -> post(batch).statusCode(400))
                .body("errors[0].error", is(5))
                .body("message", containsString("at most 1000"));
    }

    @Test
    void nonJsonContentTypeIs415() {
        rejected(() -> as(USER).contentType("text/plain").body("services").post("/v1/services").then()
                .statusCode(415))
                .body("errors[0].status", is(415));
        rejected(() -> as(USER).contentType("application/x-www-form-urlencoded").body("a=b").post("/v1/services")
                .then().statusCode(415));
    }

    @Test
    void emptyPostIs400() {
        rejected(() -> as(USER).post("/v1/services").then().statusCode(400))
                .body("message", containsString("body is required"));
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() {
        rejected(() -> as(USER).get("/v1/services/list/more").then().statusCode(404))
                .body("errors[0].status", is(404));
        rejected(() -> as(USER).contentType("application/json").body("{}").put("/v1/services").then()
                .statusCode(405))
                .body("errors[0].error", is(2));
        rejected(() -> as(USER).patch("/v1/services/" + java.util.UUID.randomUUID()).then().statusCode(405));
    }

    @Test
    void localScopeTakesOneObjectNotAnArray() {
        String uuid = java.util.UUID.randomUUID().toString();
        for (String body : new String[] {"[]", "[{\"uuid\": \"" + uuid + "\"}]", "[{}, {}]", "5"}) {
            rejected(() -> as(USER).contentType("application/json").body(body).get("/v1/services/" + uuid).then()
                    .statusCode(400))
                    .body("message", containsString("in local scope the body is one object"));
            rejected(() -> as(USER).contentType("application/json").body(body).delete("/v1/instances/" + uuid)
                    .then().statusCode(400));
            rejected(() -> as(USER).contentType("application/json").body(body)
                    .put("/v1/instances/" + uuid + "/stop").then().statusCode(400));
        }
    }

    @Test
    void emptySelectionsNameNothing() {
        as(USER).contentType("application/json").body("[]").get("/v1/services").then().statusCode(200)
                .body("status", is("success"))
                .body("data.service_groups", org.hamcrest.Matchers.empty());
        as(USER).contentType("application/json").body("[]").get("/v1/instances").then().statusCode(200)
                .body("data.instances", org.hamcrest.Matchers.empty());
        unchanged(() -> as(USER).contentType("application/json").body("[]").delete("/v1/services").then()
                .statusCode(200)).body("status", is("success"));
    }

    @Test
    void bodylessGetWithoutContentTypeIsFine() {
        as(USER).get("/v1/services?count=1").then().statusCode(200).body("status", is("success"));
        as(USER).header("Content-Type", "application/json").get("/v1/services?count=1").then().statusCode(200);
    }

    @Test
    void jsonBodyOnGetIsRead() {
        String name = unique("getbody");
        create(USER, Map.of("name", name, "services", java.util.List.of()));
        as(USER).contentType("application/json").body("{\"name\": \"" + name + "\"}").get("/v1/services").then()
                .statusCode(200).body("data.service_groups[0].name", is(name));
    }
}
