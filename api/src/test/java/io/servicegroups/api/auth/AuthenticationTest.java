package io.servicegroups.api.auth;

import static io.restassured.RestAssured.given;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bearer tokens (SPEC 5): 401 with the envelope; /q needs no token. */
@QuarkusTest
class AuthenticationTest {

    @Test
    void missingTokenIs401WithEnvelope() {
        given().get("/v1/services").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .contentType("application/json")
                .body("status", is("error"))
                .body("errors[0].status", is(401))
                .body("message", containsString("Authorization"))
                .body("op_time_us", notNullValue());
    }

    @Test
    void wrongTokenIs401() {
        given().header("Authorization", "Bearer alice-token-but-wrong").get("/v1/services").then().statusCode(401)
                .body("message", is("invalid token"));
    }

    @Test
    void otherSchemesAre401() {
        given().header("Authorization", "Basic YWxpY2U6YWxpY2UtdG9rZW4=").get("/v1/services").then()
                .statusCode(401).body("message", containsString("Bearer"));
        given().header("Authorization", "Bearer").get("/v1/services").then().statusCode(401);
    }

    @Test
    void schemeIsCaseInsensitive() {
        given().header("Authorization", "bearer alice-token").get("/v1/services?count=1").then().statusCode(200);
    }

    @Test
    void unknownPathsUnderV1AlsoNeedAToken() {
        given().get("/v1/whatever").then().statusCode(401);
        as("alice").get("/v1/whatever").then().statusCode(404).body("errors[0].status", is(404));
    }

    @Test
    void healthOpenApiAndSwaggerUiNeedNoToken() {
        given().get("/q/health").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void nothingIsCreatedWithoutAValidToken() {
        String name = unique("sneaky");
        given().contentType("application/json").body(group(name, List.of())).post("/v1/services").then()
                .statusCode(401);
        as("alice").get("/v1/services?name=" + name).then().body("data.service_groups[0].error", is(8));
    }

    @Test
    void anotherUsersGroupIsInvisible() {
        String name = unique("private");
        String uuid = createGroup("alice", group(name, List.of()));
        as("bob").get("/v1/services/" + uuid).then().statusCode(200).body("data.service_groups[0].error", is(8));
        as("bob").get("/v1/services?name=" + name).then().body("data.service_groups[0].error", is(8));
        as("bob").delete("/v1/services/" + uuid).then().statusCode(200).body("data.service_groups[0].error", is(8));
        as("alice").get("/v1/services/" + uuid).then().body("data.service_groups[0].status", is("success"));
    }

    @Test
    void namesArePerUserButDnsNamesAreGlobal() {
        String name = unique("shared");
        createGroup("alice", Map.of("name", name, "dns_name", name, "services", List.of()));
        create("bob", group(name, List.of())).body("status", is("success"));
        create("bob", Map.of("dns_name", name, "services", List.of()))
                .body("data.service_groups[0].error", is(23));
        json("bob", Map.of("fqdn", name + ".fra0.kraft.host")).get("/v1/services/list").then()
                .body("data.service_groups", is(List.of()));
    }
}
