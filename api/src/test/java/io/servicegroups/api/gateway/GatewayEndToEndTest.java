package io.servicegroups.api.gateway;

import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.service;
import static io.servicegroups.api.support.Api.state;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole product through real sockets: groups and instances made through the API are routed by the gateway,
 * which follows the database's change events; draining instances stop when their last request ends.
 */
@QuarkusTest
@TestProfile(GatewayProfile.class)
class GatewayEndToEndTest {
    private static final String USER = "alice";
    private static Vertx vertx;
    private static final List<HttpServer> servers = new ArrayList<>();

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        for (HttpServer server : servers) {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A backend on {@code address:port} answering its name, or handing requests to {@code custom}. */
    private static void backend(String name, String address, int port, Consumer<HttpServerRequest> custom)
            throws Exception {
        servers.add(vertx.createHttpServer().requestHandler(request -> {
            if (custom != null) {
                custom.accept(request);
            } else {
                request.response().end(name);
            }
        }).listen(port, address).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS));
    }

    private static int freePort() {
        return 42000 + ThreadLocalRandom.current().nextInt(15000);
    }

    /**
     * A published port whose gateway port is free now and below Linux's ephemeral ports (32768 up): in that range an
     * outgoing connection's local port once held it for 15 s, longer than the test waits.
     */
    private static int unpublishedPort() throws IOException {
        for (int tries = 0; ; tries++) {
            int published = 1024 + ThreadLocalRandom.current().nextInt(32767 - GatewayProfile.OFFSET - 1024);
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(true);
                socket.bind(new InetSocketAddress("127.0.0.1", gatewayPort(published)));
                return published;
            } catch (IOException taken) {
                if (tries == 50) {
                    throw taken;
                }
            }
        }
    }

    private static String fqdnOf(String group) {
        return as(USER).get("/v1/services/" + group).then().statusCode(200)
                .extract().path("data.service_groups[0].fqdn");
    }

    private static int gatewayPort(int published) {
        return published + GatewayProfile.OFFSET;
    }

    private static void awaitTrue(BooleanSupplier condition, long millis, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                assertThat(condition.getAsBoolean()).as(what).isTrue();
            }
            Thread.sleep(2);
        }
    }

    private static RawHttp.Answer get(String fqdn) {
        try {
            return RawHttp.get(gatewayPort(80), fqdn, "/");
        } catch (Exception e) {
            return new RawHttp.Answer(-1, e.toString(), "");
        }
    }

    @Test
    void aGroupAndInstanceMadeThroughTheApiAreReachedThroughTheGateway() throws Exception {
        int port = freePort();
        backend("web-a", "127.0.0.2", port, null);
        String group = createGroup(USER, Map.of("name", unique("web"), "services", List.of(service(80, port, "http"))));
        createInstance(USER, Map.of("address", "127.0.0.2", "service_group", Map.of("uuid", group)));
        String fqdn = fqdnOf(group);
        awaitTrue(() -> get(fqdn).status() == 200, 5000, "routed");
        RawHttp.Answer answer = get(fqdn.toUpperCase());
        assertThat(answer.body()).isEqualTo("web-a");
    }

    @Test
    void httpsIsTerminatedWithSniForAGroupPublishing443() throws Exception {
        int port = freePort();
        backend("secure", "127.0.0.3", port, null);
        String group = createGroup(USER, Map.of("name", unique("tls"), "services",
                List.of(service(443, port, "tls", "http"))));
        createInstance(USER, Map.of("address", "127.0.0.3", "service_group", Map.of("uuid", group)));
        String fqdn = fqdnOf(group);
        awaitTrue(() -> {
            try {
                return RawHttp.getTls(gatewayPort(443), fqdn, "/").status() == 200;
            } catch (Exception e) {
                return false;
            }
        }, 5000, "routed over TLS");
        assertThat(RawHttp.getTls(gatewayPort(443), fqdn, "/").body()).isEqualTo("secure");
    }

    @Test
    void changesMadeThroughTheApiAreRoutedWithinFiftyMilliseconds() throws Exception {
        int port = freePort();
        backend("live", "127.0.0.4", port, null);
        String group = createGroup(USER, Map.of("name", unique("live"), "services", List.of(service(80, port, "http"))));
        String fqdn = fqdnOf(group);
        awaitTrue(() -> get(fqdn).status() == 503, 5000, "published with no instance");
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String instance = createInstance(USER, Map.of("address", "127.0.0.4", "service_group",
                    Map.of("uuid", group)));
            long answered = System.nanoTime();
            awaitTrue(() -> get(fqdn).status() == 200, 5000, "attached instance routed");
            micros.add((System.nanoTime() - answered) / 1000);
            as(USER).delete("/v1/instances/" + instance).then().statusCode(200)
                    .body("data.instances[0].status", is("success"));
            answered = System.nanoTime();
            awaitTrue(() -> get(fqdn).status() == 503, 5000, "deleted instance no longer routed");
            micros.add((System.nanoTime() - answered) / 1000);
        }
        Collections.sort(micros);
        long p50 = micros.get(micros.size() / 2);
        long p99 = micros.get((int) Math.ceil(micros.size() * 0.99) - 1);
        System.out.printf("gateway propagation over %d changes: p50 %d µs, p99 %d µs, max %d µs%n", micros.size(),
                p50, p99, micros.get(micros.size() - 1));
        assertThat(p99).as("p99 propagation in µs (target 50 ms; generous bound)").isLessThan(1_000_000);
    }

    @Test
    void aDrainingInstanceFinishesItsRequestThenStopsBeforeItsDeadline() throws Exception {
        int port = freePort();
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        backend("slow", "127.0.0.5", port, request -> {
            if (request.path().equals("/hold")) {
                held.add(request);
            } else {
                request.response().end("slow");
            }
        });
        backend("steady", "127.0.0.6", port, null);
        String group = createGroup(USER, Map.of("name", unique("drain"), "services", List.of(service(80, port, "http"))));
        String slow = createInstance(USER, Map.of("address", "127.0.0.5", "service_group", Map.of("uuid", group)));
        String fqdn = fqdnOf(group);
        awaitTrue(() -> "slow".equals(get(fqdn).body()), 5000, "routed");
        List<RawHttp.Answer> slowAnswer = new CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            try {
                slowAnswer.add(RawHttp.get(gatewayPort(80), fqdn, "/hold"));
            } catch (Exception e) {
                slowAnswer.add(new RawHttp.Answer(-1, e.toString(), ""));
            }
        });
        client.start();
        awaitTrue(() -> held.size() == 1, 5000, "a request held by the slow instance");
        String steady = createInstance(USER, Map.of("address", "127.0.0.6", "service_group", Map.of("uuid", group)));
        awaitTrue(() -> "steady".equals(get(fqdn).body()), 5000, "second instance routed");

        json(USER, Map.of("drain_timeout_ms", 60_000)).put("/v1/instances/" + slow + "/stop").then().statusCode(200)
                .body("data.instances[0].state", is("draining"));
        awaitTrue(() -> {
            for (int i = 0; i < 4; i++) {
                if (!"steady".equals(get(fqdn).body())) {
                    return false;
                }
            }
            return true;
        }, 5000, "new requests avoid the draining instance");
        assertThat(state(USER, slow)).isEqualTo("draining");
        held.get(0).response().end("finished late");
        client.join(10_000);
        assertThat(slowAnswer).singleElement().satisfies(a -> assertThat(a.body()).isEqualTo("finished late"));
        awaitTrue(() -> "stopped".equals(state(USER, slow)), 5000, "stopped when its last request ended");
        assertThat(state(USER, steady)).isEqualTo("running");
    }

    @Test
    void aDrainingInstanceWithNoOpenWorkStopsAtOnce() throws Exception {
        int port = freePort();
        String group = createGroup(USER, Map.of("name", unique("idle"), "services", List.of(service(80, port, "http"))));
        String instance = createInstance(USER, Map.of("address", "127.0.0.7", "service_group", Map.of("uuid", group)));
        json(USER, Map.of("drain_timeout_ms", 600_000)).put("/v1/instances/" + instance + "/stop").then()
                .statusCode(200).body("data.instances[0].state", is("draining"));
        awaitTrue(() -> "stopped".equals(state(USER, instance)), 5000, "stopped long before its deadline");
    }

    @Test
    void aPortOpensWithItsFirstGroupAndClosesWithItsLast() throws Exception {
        int published = unpublishedPort();
        String first = createGroup(USER, Map.of("name", unique("p1"), "services",
                List.of(service(published, 9000, "tls"))));
        String second = createGroup(USER, Map.of("name", unique("p2"), "services",
                List.of(service(published, 9000, "tls"))));
        awaitTrue(() -> accepts(gatewayPort(published)), 5000, "port opened");
        as(USER).delete("/v1/services/" + first).then().statusCode(200);
        Thread.sleep(300);
        assertThat(accepts(gatewayPort(published))).as("still published by the second group").isTrue();
        as(USER).delete("/v1/services/" + second).then().statusCode(200);
        awaitTrue(() -> !accepts(gatewayPort(published)), 5000, "port closed");
        assertThat(catchThrowable(() -> new Socket("127.0.0.1", gatewayPort(published)).close()))
                .isInstanceOf(ConnectException.class);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
