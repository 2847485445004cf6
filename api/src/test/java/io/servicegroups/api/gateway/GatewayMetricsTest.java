package io.servicegroups.api.gateway;

import static io.restassured.RestAssured.given;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.service;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gateway's meters at {@code /q/metrics} (Prometheus text) against the traffic sent through it, and the
 * change-event lag measured from the time the database published the change.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class GatewayMetricsTest {
    private static final String USER = "alice";

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of {@code name{labels...}} (labels as a prefix of the label set), or -1. */
    private static double sample(String text, String name, String labels) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{" + labels) || (labels.isEmpty() && line.startsWith(name + " "))) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return -1;
    }

    private static int status(String fqdn) {
        try {
            return RawHttp.get(GatewayProfile.OFFSET + 80, fqdn, "/").status();
        } catch (java.io.IOException notListeningYet) {
            return -1;
        }
    }

    @Test
    void requestsThroughTheGatewayShowInTheMetricsPerGroupAndPort() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            int port = 42000 + ThreadLocalRandom.current().nextInt(15000);
            HttpServer server = vertx.createHttpServer().requestHandler(request -> request.response().end("hello"))
                    .listen(port, "127.0.0.2").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            String group = createGroup(USER, Map.of("name", unique("metered"), "services",
                    List.of(service(80, port, "http"))));
            createInstance(USER, Map.of("address", "127.0.0.2", "service_group", Map.of("uuid", group)));
            String fqdn = as(USER).get("/v1/services/" + group).then().statusCode(200)
                    .extract().path("data.service_groups[0].fqdn");
            long deadline = System.currentTimeMillis() + 20_000;
            while (status(fqdn) != 200) {
                assertThat(System.currentTimeMillis()).as("routed in time").isLessThan(deadline);
                Thread.sleep(20);
            }
            for (int i = 0; i < 4; i++) {
                assertThat(RawHttp.get(GatewayProfile.OFFSET + 80, fqdn, "/").body()).isEqualTo("hello");
            }

            String labels = "group=\"" + group + "\",port=\"80\"";
            String text = metrics();
            assertThat(sample(text, "sg_gateway_requests_total", labels + ",status=\"2xx\"")).isEqualTo(5.0);
            assertThat(sample(text, "sg_gateway_sent_bytes_total", labels)).isEqualTo(25.0);
            assertThat(sample(text, "sg_gateway_request_duration_seconds_count", labels)).isGreaterThanOrEqualTo(5.0);
            assertThat(text).contains("sg_gateway_instance_in_flight{instance=\"");
            assertThat(sample(text, "sg_gateway_snapshot_version", "")).isGreaterThan(0);
            assertThat(sample(text, "sg_gateway_change_lag_seconds_count", "")).as("lag of change events measured")
                    .isGreaterThan(0);
            assertThat(text).doesNotContain("127.0.0.2").doesNotContain(fqdn);
            server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
    }
}
