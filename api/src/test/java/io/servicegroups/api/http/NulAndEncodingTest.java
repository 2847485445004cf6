package io.servicegroups.api.http;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * U+0000 never reaches SQL (PostgreSQL text cannot hold it: the answer was 500), wherever it comes: a body or
 * a query parameter, a name, an fqdn, an address or a group reference. Bytes that are not strict UTF-8 are 400.
 */
@QuarkusTest
class NulAndEncodingTest {
    private static final String USER = "alice";

    @Inject
    Pool pool;

    private ValidatableResponse unchanged(Supplier<ValidatableResponse> request) {
        Db db = new Db(pool);
        long before = db.totalRows();
        ValidatableResponse response = request.get();
        assertThat(db.totalRows()).as("rows after the request").isEqualTo(before);
        return response.contentType("application/json");
    }

    private static ValidatableResponse send(String method, String path, String body) {
        var request = as(USER).urlEncodingEnabled(false);
        if (body != null) {
            request = request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method, path).then();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /v1/services?name=a%00b",
            "GET    | /v1/services?name=%00",
            "GET    | /v1/services?uuid=%00",
            "GET    | /v1/services?from=%00",
            "GET    | /v1/services?details=%00",
            "GET    | /v1/services/list?fqdn=a%00.example.com",
            "DELETE | /v1/services?name=x%00",
            "GET    | /v1/services/%00",
            "GET    | /v1/instances?name=a%00",
            "DELETE | /v1/instances?name=a%00",
            "GET    | /v1/instances/%00",
            "PUT    | /v1/instances/%00/stop"})
    void nulInTheUriIs400(String method, String path) {
        unchanged(() -> send(method, path, null).statusCode(400))
                .body("errors[0].error", is(16))
                .body("errors[0].message", containsString("U+0000"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "GET    | /v1/services          | [{\"name\": \"a\\u0000\"}]",
            "DELETE | /v1/services          | [{\"name\": \"a\\u0000\"}]",
            "GET    | /v1/services/list     | {\"fqdn\": \"a\\u0000.example.com\"}",
            "POST   | /v1/services          | {\"name\": \"a\\u0000\", \"services\": []}",
            "POST   | /v1/services          | {\"dns_name\": \"a\\u0000\", \"services\": []}",
            "POST   | /v1/instances         | {\"address\": \"10.0.0.1\\u0000\"}",
            "POST   | /v1/instances         | {\"address\": \"10.0.0.1\", \"service_group\": {\"name\": \"g\\u0000\"}}",
            "POST   | /v1/instances         | {\"address\": \"10.0.0.1\", \"name\": \"\\u0000\"}",
            "GET    | /v1/instances         | [{\"name\": \"\\u0000\"}]",
            "PUT    | /v1/instances/stop    | [{\"name\": \"\\u0000\"}]",
            "PUT    | /v1/instances/start   | [{\"name\": \"\\u0000\"}]",
            "DELETE | /v1/instances         | [{\"name\": \"\\u0000\"}]"})
    void nulInABodyIs400(String method, String path, String body) {
        unchanged(() -> send(method, path, body).statusCode(400))
                .body("errors[0].error", is(16))
                .body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void aGroupReferenceWithNulInTheQueryNeverReachesTheDatabase() {
        String name = unique("nul");
        createGroup(USER, group(name, List.of()));
        unchanged(() -> send("GET", "/v1/services?name=" + name + "%00", null).statusCode(400));
        send("GET", "/v1/services?name=" + name, null).statusCode(200).body("data.service_groups[0].name", is(name));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {" 10.0.0.1", "10.0.0.1 ", "\\t10.0.0.1", "backend.internal\\n", " ::1"})
    void addressesWithSurroundingBlanksAreInvalidNotTrimmed(String address) {
        unchanged(() -> send("POST", "/v1/instances", "{\"address\": \"" + address + "\"}").statusCode(200))
                .body("data.instances[0].error", is(7))
                .body("data.instances[0].message", containsString("address"));
    }

    @Test
    void overlongUtf8InABodyIs400() {
        byte[] start = "{\"name\": \"a".getBytes(StandardCharsets.UTF_8);
        byte[] end = "\", \"services\": []}".getBytes(StandardCharsets.UTF_8);
        for (byte[] overlong : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xC0, (byte) 0x80},
                new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            byte[] body = new byte[start.length + overlong.length + end.length];
            System.arraycopy(start, 0, body, 0, start.length);
            System.arraycopy(overlong, 0, body, start.length, overlong.length);
            System.arraycopy(end, 0, body, start.length + overlong.length, end.length);
            unchanged(() -> as(USER).contentType("application/json").body(body).post("/v1/services").then()
                    .statusCode(400))
                    .body("errors[0].error", is(16))
                    .body("errors[0].message", containsString("not valid UTF-8"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/v1/services?name=%C0%AF", "/v1/services?name=%C0%80", "/v1/services?name=%E0%80%AF",
            "/v1/services?name=%ED%A0%80", "/v1/services?name=%FF"})
    void malformedUtf8OrEscapesInTheQueryAre400(String path) {
        unchanged(() -> send("GET", path, null).statusCode(400)).body("errors[0].error", is(16));
    }

    @Test
    void wellFormedEscapesStillWork() {
        String name = unique("esc");
        createGroup(USER, group(name, List.of()));
        send("GET", "/v1/services?na%6De=" + name, null).statusCode(200)
                .body("data.service_groups[0].name", is(name));
        send("GET", "/v1/services?name=caf%C3%A9", null).statusCode(200)
                .body("data.service_groups[0].error", is(8));
    }
}
