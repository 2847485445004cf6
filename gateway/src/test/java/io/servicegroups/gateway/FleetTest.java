package io.servicegroups.gateway;

import static io.servicegroups.gateway.Harness.group;
import static io.servicegroups.gateway.Harness.http;
import static io.servicegroups.gateway.Harness.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.RoutableGroup;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operating the gateway: metrics against the traffic sent, outlier ejection, graceful shutdown, access log. */
class FleetTest {
    private Harness gateway;
    private final List<Backends.Http> backends = new ArrayList<>();
    private final List<String> accessLog = new CopyOnWriteArrayList<>();
    private int destination;

    private void start(Load.Ejection ejection, boolean accessLogOn) throws Exception {
        gateway = new Harness(ejection, new AccessLog(accessLogOn, accessLog::add));
        destination = Harness.freePort();
    }

    @AfterEach
    void stop() throws Exception {
        backends.forEach(Backends.Http::close);
        if (gateway != null) {
            gateway.close();
        }
    }

    private Client client() {
        return new Client(gateway.vertx, gateway.port(80), false, HttpVersion.HTTP_1_1);
    }

    private void backend(String name, String address, io.vertx.core.Handler<io.vertx.core.http.HttpServerRequest> custom) {
        backends.add(new Backends.Http(gateway.vertx, name, address, destination, custom == null ? null : custom::handle));
    }

    private RoutableGroup shop(RoutableGroup.Backend... instances) {
        return group("shop", List.of(http(destination)), ConcurrencyLimits.DEFAULT, instances);
    }

    private static String host() {
        return "shop." + Harness.DOMAIN;
    }

    @Test
    void metricsCountTheTrafficSentPerGroupPortAndInstance() throws Exception {
        start(new Load.Ejection(0, 0), false);
        backend("a", "127.0.0.2", request -> {
            boolean fail = request.uri().startsWith("/fail");
            request.body().onSuccess(body -> request.response().setStatusCode(fail ? 500 : 200).end("0123456789"));
        });
        RoutableGroup.Backend instance = running("127.0.0.2");
        RoutableGroup shop = shop(instance);
        gateway.publish(shop);
        Client client = client();
        for (int i = 0; i < 7; i++) {
            Client.Answer answer = client.send(HttpMethod.POST, host(), "/ok", MultiMap.caseInsensitiveMultiMap(),
                    Buffer.buffer("abcd"));
            assertThat(answer.status()).isEqualTo(200);
        }
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(host(), "/fail").status()).isEqualTo(500);
        }
        assertThat(client.get("nobody." + Harness.DOMAIN, "/").status()).isEqualTo(404);

        String labels = "group=\"" + shop.uuid() + "\",port=\"80\"";
        Harness.awaitTrue(() -> Double.valueOf(10).equals(
                gateway.sample("sg_gateway_request_duration_seconds_count", labels)), "all exchanges recorded");
        assertThat(gateway.sample("sg_gateway_requests_total", labels + ",status=\"2xx\"")).isEqualTo(7.0);
        assertThat(gateway.sample("sg_gateway_requests_total", labels + ",status=\"5xx\"")).isEqualTo(3.0);
        assertThat(gateway.sample("sg_gateway_requests_total", labels + ",status=\"4xx\"")).isEqualTo(0.0);
        assertThat(gateway.sample("sg_gateway_received_bytes_total", labels)).isEqualTo(28.0);
        assertThat(gateway.sample("sg_gateway_sent_bytes_total", labels)).isEqualTo(100.0);
        assertThat(gateway.sample("sg_gateway_upstream_errors_total", labels)).isEqualTo(0.0);
        assertThat(gateway.sample("sg_gateway_unrouted_total", "")).isEqualTo(1.0);
        assertThat(gateway.sample("sg_gateway_request_duration_seconds_bucket", labels + ",le=\"+Inf\""))
                .isEqualTo(10.0);
        String instanceLabel = "instance=\"" + instance.instance() + "\"";
        assertThat(gateway.sample("sg_gateway_instance_in_flight", instanceLabel)).isEqualTo(0.0);
        assertThat(gateway.sample("sg_gateway_instance_ejected", instanceLabel)).isEqualTo(0.0);
        assertThat(gateway.sample("sg_gateway_snapshot_version", "")).isEqualTo((double) gateway.table.get().version());
        assertThat(gateway.sample("sg_gateway_snapshot_age_seconds", "")).isNotNull().isGreaterThanOrEqualTo(0.0);
        assertThat(gateway.scrape()).doesNotContain("/ok").doesNotContain("127.0.0.1");

        // a request in flight shows in the instance's gauge; a group gone takes its meters along
        CompletableFuture<Void> release = new CompletableFuture<>();
        backends.get(0).close();
        backends.clear();
        backend("slow", "127.0.0.2", request -> release.thenRun(() -> gateway.vertx.runOnContext(v ->
                request.response().end("late"))));
        CompletableFuture<Client.Answer> slow = CompletableFuture.supplyAsync(() -> client.get(host(), "/slow"));
        Harness.awaitTrue(() -> Double.valueOf(1).equals(gateway.sample("sg_gateway_instance_in_flight", instanceLabel)),
                "in-flight work shown");
        release.complete(null);
        assertThat(slow.get(20, TimeUnit.SECONDS).status()).isEqualTo(200);
        gateway.publish();
        assertThat(gateway.scrape()).doesNotContain(shop.uuid().toString()).doesNotContain(instance.instance().toString());
    }

    @Test
    void aBackendAnswering5xxIsEjectedThenTriedAgainAfterItsBackOff() throws Exception {
        start(new Load.Ejection(3, Duration.ofSeconds(2).toNanos()), false);
        AtomicBoolean broken = new AtomicBoolean(true);
        backend("good", "127.0.0.2", null);
        backend("bad", "127.0.0.3", request -> request.response().setStatusCode(broken.get() ? 503 : 200)
                .end(new JsonObject().put("name", "bad").encode()));
        RoutableGroup.Backend bad = running("127.0.0.3");
        gateway.publish(shop(running("127.0.0.2"), bad));
        Client client = client();
        int failures = 0;
        for (int i = 0; i < 12; i++) {
            if (client.get(host(), "/").status() == 503) {
                failures++;
            }
        }
        assertThat(failures).as("the bad one answered until ejected").isEqualTo(3);
        String badLabel = "instance=\"" + bad.instance() + "\"";
        assertThat(gateway.sample("sg_gateway_instance_ejected", badLabel)).isEqualTo(1.0);
        assertThat(gateway.sample("sg_gateway_instance_ejections_total", badLabel)).isEqualTo(1.0);
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(host(), "/").json().getString("name")).isEqualTo("good");
        }

        broken.set(false);
        Harness.awaitTrue(() -> Double.valueOf(0).equals(gateway.sample("sg_gateway_instance_ejected", badLabel)),
                "back in rotation after the back-off");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Client.Answer answer = client.get(host(), "/");
            assertThat(answer.status()).isEqualTo(200);
            names.add(answer.json().getString("name"));
        }
        assertThat(names).contains("good", "bad");
    }

    @Test
    void whenEveryBackendIsEjectedTheyAreStillTried() throws Exception {
        start(new Load.Ejection(2, Duration.ofMinutes(5).toNanos()), false);
        AtomicBoolean broken = new AtomicBoolean(true);
        backend("only", "127.0.0.2", request -> request.response().setStatusCode(broken.get() ? 500 : 200)
                .end("only"));
        RoutableGroup.Backend only = running("127.0.0.2");
        gateway.publish(shop(only));
        Client client = client();
        for (int i = 0; i < 4; i++) {
            assertThat(client.get(host(), "/").status()).isEqualTo(500);
        }
        assertThat(gateway.sample("sg_gateway_instance_ejected", "instance=\"" + only.instance() + "\""))
                .isEqualTo(1.0);
        broken.set(false);
        Client.Answer answer = client.get(host(), "/");
        assertThat(answer.status()).as("tried although ejected, not 503").isEqualTo(200);
        assertThat(answer.body()).isEqualTo("only");
    }

    @Test
    void connectFailuresEjectAnInstanceAndAreCountedAsUpstreamErrors() throws Exception {
        start(new Load.Ejection(2, Duration.ofMinutes(5).toNanos()), false);
        backend("good", "127.0.0.2", null);
        RoutableGroup.Backend dead = running("127.0.0.3"); // nothing listens there
        RoutableGroup shop = shop(running("127.0.0.2"), dead);
        gateway.publish(shop);
        Client client = client();
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(host(), "/").json().getString("name")).isEqualTo("good");
        }
        assertThat(gateway.sample("sg_gateway_instance_ejected", "instance=\"" + dead.instance() + "\""))
                .isEqualTo(1.0);
        assertThat(gateway.sample("sg_gateway_upstream_errors_total",
                "group=\"" + shop.uuid() + "\",port=\"80\"")).isEqualTo(2.0);
    }

    @Test
    void onShutdownASlowRequestInFlightCompletesAndNewConnectionsAreRefused() throws Exception {
        start(Load.Ejection.DEFAULT, false);
        CompletableFuture<Void> arrived = new CompletableFuture<>();
        backend("slow", "127.0.0.2", request -> {
            arrived.complete(null);
            gateway.vertx.setTimer(1500, id -> request.response().end("finished"));
        });
        gateway.publish(shop(running("127.0.0.2")));
        int port = gateway.port(80);
        try (Socket slow = new Socket("127.0.0.1", port)) {
            slow.setSoTimeout(30_000);
            OutputStream out = slow.getOutputStream();
            out.write(("GET /slow HTTP/1.1\r\nhost: " + host() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            arrived.get(20, TimeUnit.SECONDS);
            CompletableFuture<Boolean> shutdown = CompletableFuture.supplyAsync(() -> {
                try {
                    return gateway.shutdown(Duration.ofSeconds(20));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            Harness.awaitTrue(() -> gateway.fleet.closing().closing(), "shutting down");
            assertThat(refused(port)).as("a new connection is not served").isTrue();

            String answer = new String(readAll(slow.getInputStream()), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close")
                    .endsWith("finished");
            assertThat(shutdown.get(30, TimeUnit.SECONDS)).as("finished within the grace period").isTrue();
        }
    }

    /** Whether a new request on a new connection is not answered (closed, or refused). */
    private boolean refused(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nhost: " + host() + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return socket.getInputStream().read() == -1;
        } catch (java.io.IOException e) {
            return true;
        }
    }

    /** Reads until the server closes the connection (it must, after Connection: close). */
    private static byte[] readAll(InputStream in) throws java.io.IOException {
        return in.readAllBytes();
    }

    @Test
    void theAccessLogWritesOneJsonLinePerRequestWhenOn() throws Exception {
        start(Load.Ejection.DEFAULT, true);
        backend("a", "127.0.0.2", request -> request.body().onSuccess(b -> request.response().end("hello")));
        RoutableGroup.Backend instance = running("127.0.0.2");
        RoutableGroup shop = shop(instance);
        gateway.publish(shop);
        Client client = client();
        client.send(HttpMethod.POST, host(), "/secret/path?token=x", MultiMap.caseInsensitiveMultiMap(),
                Buffer.buffer("123"));
        Harness.awaitTrue(() -> accessLog.size() == 1, "one line");
        JsonObject line = new JsonObject(accessLog.get(0));
        assertThat(line.getString("type")).isEqualTo("http");
        assertThat(line.getString("group")).isEqualTo(shop.uuid().toString());
        assertThat(line.getInteger("port")).isEqualTo(80);
        assertThat(line.getString("instance")).isEqualTo(instance.instance().toString());
        assertThat(line.getInteger("status")).isEqualTo(200);
        assertThat(line.getLong("bytes_in")).isEqualTo(3);
        assertThat(line.getLong("bytes_out")).isEqualTo(5);
        assertThat(line.getDouble("duration_ms")).isGreaterThanOrEqualTo(0.0);
        assertThat(accessLog.get(0)).doesNotContain("secret");
    }

    @Test
    void theAccessLogIsOffByDefault() throws Exception {
        start(Load.Ejection.DEFAULT, false);
        backend("a", "127.0.0.2", null);
        gateway.publish(shop(running("127.0.0.2")));
        assertThat(client().get(host(), "/").status()).isEqualTo(200);
        Thread.sleep(200);
        assertThat(accessLog).isEmpty();
    }
}
