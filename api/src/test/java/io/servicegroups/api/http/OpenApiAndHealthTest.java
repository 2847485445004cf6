package io.servicegroups.api.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** OpenAPI documents every endpoint with the bearer scheme; Swagger UI and health are served. */
@QuarkusTest
class OpenApiAndHealthTest {

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({
            "/v1/services, post",
            "/v1/services, get",
            "/v1/services, delete",
            "/v1/services/{uuid}, get",
            "/v1/services/{uuid}, delete",
            "/v1/services/list, get",
            "/v1/instances, post",
            "/v1/instances, get",
            "/v1/instances, delete",
            "/v1/instances/{uuid}, get",
            "/v1/instances/{uuid}, delete",
            "/v1/instances/stop, put",
            "/v1/instances/{uuid}/stop, put",
            "/v1/instances/start, put",
            "/v1/instances/{uuid}/start, put"})
    void everyEndpointIsDocumentedAndSecured(String path, String method) {
        String operation = "paths.'" + path + "'." + method;
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body(operation + ".summary", notNullValue())
                .body(operation + ".security[0]", hasKey("bearer"))
                .body(operation + ".responses", hasKey("200"))
                .body(operation + ".responses.'200'.content.'application/json'.schema.'$ref'",
                        endsWith(path.startsWith("/v1/instances") ? "/InstancesResponse" : "/ServiceGroupsResponse"))
                .body(operation + ".responses", hasKey("400"))
                .body(operation + ".responses", hasKey("401"))
                .body(operation + ".responses.'401'.content.'application/json'.schema.'$ref'", endsWith("/Envelope"))
                .body(operation + ".responses", hasKey("503"));
    }

    @Test
    void everySchemaReferenceResolves() {
        String document = given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString();
        java.util.Map<String, Object> schemas = io.restassured.path.json.JsonPath.from(document)
                .getMap("components.schemas");
        java.util.regex.Matcher refs = java.util.regex.Pattern.compile("#/components/schemas/(\\w+)")
                .matcher(document);
        while (refs.find()) {
            org.assertj.core.api.Assertions.assertThat(schemas).containsKey(refs.group(1));
        }
        org.assertj.core.api.Assertions.assertThat(schemas).containsKeys("Envelope", "ServiceGroupsResponse",
                "InstancesResponse");
    }

    @Test
    void bearerSchemeAndSchemasAreDeclared() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("components.securitySchemes.bearer.type", is("http"))
                .body("components.securitySchemes.bearer.scheme", is("bearer"))
                .body("components.schemas", hasKey("ServiceGroup"))
                .body("components.schemas", hasKey("CreateServiceGroup"))
                .body("paths.'/v1/services'.post.requestBody.content.'application/json'.examples",
                        hasKey("HTTPS on 443 to 8080 (seed example)"));
    }

    @Test
    void swaggerUiIsServed() {
        given().get("/q/swagger-ui/").then().statusCode(200).body(containsString("swagger"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", is("UP"))
                .body("checks.name", hasItem("Database connection"));
    }
}
