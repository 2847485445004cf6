package io.servicegroups.api.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;

/** REST Assured shortcuts: requests as a test user, group bodies, unique names. */
public final class Api {
    public static final String METRO_DOMAIN = "fra0.kraft.host";
    public static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final SecureRandom RANDOM = new SecureRandom();

    static {
        // every answer a test receives is checked against the served OpenAPI document
        io.restassured.RestAssured.filters(new OpenApiConformance());
    }

    private Api() {
    }

    /** A request authenticated as {@code user} (tokens of the test profile are {@code <user>-token}). */
    public static RequestSpecification as(String user) {
        return given().header("Authorization", "Bearer " + user + "-token");
    }

    public static RequestSpecification json(String user, Object body) {
        return as(user).contentType(ContentType.JSON).body(body);
    }

    /** POST /v1/services and the (well-formed: HTTP 200) answer. */
    public static ValidatableResponse create(String user, Object body) {
        return json(user, body).post("/v1/services").then().statusCode(200);
    }

    /** Creates one group and answers its uuid. */
    public static String createGroup(String user, Map<String, Object> group) {
        return create(user, group).body("data.service_groups[0].status", org.hamcrest.Matchers.is("success"))
                .extract().path("data.service_groups[0].uuid");
    }

    /** POST /v1/instances and the (well-formed: HTTP 200) answer. */
    public static ValidatableResponse createInstances(String user, Object body) {
        return json(user, body).post("/v1/instances").then().statusCode(200);
    }

    /** Creates one instance and answers its uuid. */
    public static String createInstance(String user, Map<String, Object> instance) {
        return createInstances(user, instance).body("data.instances[0].status", org.hamcrest.Matchers.is("success"))
                .extract().path("data.instances[0].uuid");
    }

    /** The state of an instance as GET answers it. */
    public static String state(String user, String instance) {
        return as(user).get("/v1/instances/" + instance).then().statusCode(200)
                .extract().path("data.instances[0].state");
    }

    /** A group body with a unique name and the given services. */
    public static Map<String, Object> group(String name, List<Map<String, Object>> services) {
        return Map.of("name", name, "services", services);
    }

    public static Map<String, Object> https(int destination) {
        return Map.of("port", 443, "destination_port", destination, "handlers", List.of("tls", "http"));
    }

    public static Map<String, Object> service(int port, int destination, String... handlers) {
        return Map.of("port", port, "destination_port", destination, "handlers", List.of(handlers));
    }

    /** {@code prefix-xxxxxxxx}: unique across test runs, also on a shared external database. */
    public static String unique(String prefix) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(prefix).append('-');
        for (int i = 0; i < 8; i++) {
            out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
