package io.servicegroups.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the tests that run the packaged jar as separate processes share: psql, API calls, gateway probes. */
final class AppProcesses {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private AppProcesses() {
    }

    static HttpClient http() {
        return HTTP;
    }

    /** Runs {@code sql} with psql on the machine's PostgreSQL, in {@code database}. */
    static void psql(String database, String sql) throws Exception {
        Process psql = new ProcessBuilder("psql", "-q", "-h", "127.0.0.1", "-U", "postgres", "-d", database, "-c", sql)
                .redirectErrorStream(true).start();
        String output = new String(psql.getInputStream().readAllBytes());
        assertThat(psql.waitFor()).as("psql %s: %s", sql, output).isZero();
    }

    /** A /v1 call to the process on {@code apiPort}; it must answer 200. */
    static JsonObject call(int apiPort, String token, String method, String path, JsonObject body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.encode()));
        if (body != null) {
            request.header("content-type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return new JsonObject(response.body());
    }

    /** The status of {@code GET path} for {@code fqdn} through the gateway port {@code port}, -1 if it does not listen. */
    static int status(int port, String fqdn, String path) {
        try {
            return RawHttp.get(port, fqdn, path).status();
        } catch (IOException notListening) {
            return -1;
        }
    }
}
