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

    private static io.restassured.path.json.JsonPath document() {
        return given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }

    @ParameterizedTest(name = "{1} {0}")
    @CsvSource({"/v1/services, get", "/v1/services, delete", "/v1/services/list, get", "/v1/instances, get",
            "/v1/instances, delete"})
    void operationsSwaggerUiMustRunWithQueryParametersDeclareNoBody(String path, String method) {
        io.restassured.path.json.JsonPath doc = document();
        String operation = "paths.'" + path + "'." + method;
        org.assertj.core.api.Assertions.assertThat(doc.getMap(operation)).doesNotContainKey("requestBody");
        org.assertj.core.api.Assertions.assertThat(doc.getString(operation + ".description"))
                .as("the body form is described in the text").contains("body");
    }

    @Test
    void theOptionalBodyOfStopOneIsNotRequired() {
        org.assertj.core.api.Assertions.assertThat(document().getBoolean(
                "paths.'/v1/instances/{uuid}/stop'.put.requestBody.required")).isNotEqualTo(Boolean.TRUE);
    }

    @Test
    void queryParametersAreTypedWithRanges() {
        io.restassured.path.json.JsonPath doc = document();
        String parameters = "paths.'/v1/services'.get.parameters";
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'details' }.schema.type"))
                .isEqualTo("boolean");
        org.assertj.core.api.Assertions.assertThat(doc.getInt(parameters + ".find { it.name == 'count' }.schema.minimum"))
                .isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(doc.getInt(parameters + ".find { it.name == 'count' }.schema.maximum"))
                .isEqualTo(1000);
        org.assertj.core.api.Assertions.assertThat(doc.getString(parameters + ".find { it.name == 'from' }.schema.format"))
                .isEqualTo("uuid");
        org.assertj.core.api.Assertions.assertThat(doc.getString(
                "paths.'/v1/instances'.get.parameters.find { it.name == 'count' }.schema.type")).isEqualTo("integer");
        org.assertj.core.api.Assertions.assertThat(doc.getString(
                "paths.'/v1/services/list'.get.parameters.find { it.name == 'persistent' }.schema.type"))
                .isEqualTo("boolean");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"CreateServiceGroup", "PublishService", "DomainRequest", "CreateInstance",
            "InstanceServiceGroupChoice", "ItemRef", "StopInstance", "ServiceGroupListFilter"})
    void requestSchemasRefuseUnknownFields(String schema) {
        org.assertj.core.api.Assertions.assertThat(document().getBoolean("components.schemas." + schema
                + ".additionalProperties")).isFalse();
    }

    @Test
    void requestSchemasStateRangesAndPatterns() {
        io.restassured.path.json.JsonPath doc = document();
        org.assertj.core.api.Assertions.assertThat(doc.getInt("components.schemas.PublishService.properties.port.maximum"))
                .isEqualTo(65535);
        org.assertj.core.api.Assertions.assertThat(doc.getInt(
                "components.schemas.PublishService.properties.destination_port.minimum")).isEqualTo(1);
        org.assertj.core.api.Assertions.assertThat(doc.getList(
                "components.schemas.PublishService.properties.handlers.items.enum")).containsExactly("tls", "http",
                "redirect");
        org.assertj.core.api.Assertions.assertThat(doc.getString(
                "components.schemas.CreateServiceGroup.properties.name.pattern")).startsWith("^[a-z]");
        org.assertj.core.api.Assertions.assertThat(doc.getString(
                "components.schemas.CreateInstance.properties.name.pattern")).startsWith("^[a-z]");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"404", "405", "408", "413", "415", "500", "503"})
    void failuresAreDocumentedWithExamplesThatAreFailures(String status) {
        java.util.Map<String, Object> examples = document().getMap(
                "paths.'/v1/services'.post.responses.'" + status + "'.content.'application/json'.examples");
        org.assertj.core.api.Assertions.assertThat(examples).isNotEmpty();
        examples.values().forEach(example -> {
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> value = (java.util.Map<String, Object>) ((java.util.Map<String, Object>) example)
                    .get("value");
            org.assertj.core.api.Assertions.assertThat(value.get("status")).isEqualTo("error");
            org.assertj.core.api.Assertions.assertThat(value.get("errors").toString())
                    .contains("status=" + status);
        });
    }

    @Test
    void theAuthorizeDialogSaysHowTheTokenIsSent() {
        org.assertj.core.api.Assertions.assertThat(document().getString("components.securitySchemes.bearer.description"))
                .contains("`Authorization: Bearer <token>`");
    }

    @Test
    void optionsUnderV1IsNotAnEmpty200() {
        given().header("Authorization", "Bearer alice-token").options("/v1").then().statusCode(404)
                .contentType("application/json").body("errors[0].error", is(8));
        given().header("Authorization", "Bearer alice-token").options("/v1/services").then().statusCode(405)
                .contentType("application/json").body("errors[0].error", is(2))
                .body("errors[0].message", containsString("GET"));
    }

    @Test
    void answersOfTheTestsAreCheckedAgainstTheDocument() {
        long before = io.servicegroups.api.support.OpenApiConformance.checked();
        io.servicegroups.api.support.Api.as("alice").get("/v1/services?count=1").then().statusCode(200);
        io.servicegroups.api.support.Api.as("alice").get("/v1/services?count=0").then().statusCode(400);
        io.servicegroups.api.support.Api.as("alice").get("/v1/nowhere").then().statusCode(404);
        org.assertj.core.api.Assertions.assertThat(io.servicegroups.api.support.OpenApiConformance.checked())
                .isGreaterThanOrEqualTo(before + 3);
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
