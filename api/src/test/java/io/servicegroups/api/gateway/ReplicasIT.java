package io.servicegroups.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two replicas of the packaged application (two JVMs) on one fresh database of the machine's PostgreSQL
 * (127.0.0.1:5432): a change made through one is routed by the other, and a replica killed while it carries a
 * draining instance's last request does not hold that instance past its deadline.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
    private static final String TOKEN = "alice-token";
    private static final String DATABASE = "sg_replicas_" + Long.toHexString(System.nanoTime());
    private static final int BASE = 18100 + ThreadLocalRandom.current().nextInt(400) * 2;
    private static Replica a;
    private static Replica b;
    private static Vertx vertx;

    /** One application process: its API port and its gateway's port offset. */
    private record Replica(Process process, int apiPort, int offset) {
        String api(String path) {
            return "http://127.0.0.1:" + apiPort + path;
        }
    }

    @BeforeAll
    static void startReplicas() throws Exception {
        psql("create database " + DATABASE);
        vertx = Vertx.vertx();
        a = start("a", BASE, 21000);
        b = start("b", BASE + 1, 22000);
        awaitReady(a);
        awaitReady(b);
    }

    @AfterAll
    static void stopReplicas() throws Exception {
        for (Replica replica : new Replica[] {a, b}) {
            if (replica != null) {
                replica.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }
        psql("drop database if exists " + DATABASE + " with (force)");
    }

    private static Replica start(String name, int apiPort, int offset) throws IOException {
        Path data = Path.of("target", "replicas", name);
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar");
        Map<String, String> env = builder.environment();
        env.put("SG_DB_URL", "postgresql://postgres@127.0.0.1:5432/" + DATABASE);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
        env.put("SG_GATEWAY_PORT_OFFSET", Integer.toString(offset));
        env.put("SG_GATEWAY_HOST", "127.0.0.1");
        env.put("SG_AUTH_TOKENS", "alice:" + TOKEN);
        env.put("SG_DATA_DIR", data.toAbsolutePath().toString());
        env.put("SG_INSTANCES_DRAIN_SWEEP_INTERVAL", "1s");
        builder.redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile());
        return new Replica(builder.start(), apiPort, offset);
    }

    private static void awaitReady(Replica replica) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(replica.process().isAlive()).as("replica on port %d runs (see target/replicas)", replica.apiPort())
                    .isTrue();
            try {
                if (AppProcesses.http().send(HttpRequest.newBuilder(URI.create(replica.api("/q/health/ready"))).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("replica on port " + replica.apiPort() + " not ready");
    }

    private static void psql(String sql) throws Exception {
        AppProcesses.psql("postgres", sql);
    }

    private static JsonObject call(Replica replica, String method, String path, JsonObject body) throws Exception {
        return AppProcesses.call(replica.apiPort(), TOKEN, method, path, body);
    }

    /** Creates a group publishing port 80 towards {@code destination}; answers {uuid, fqdn}. */
    private static String[] group(Replica replica, int destination) throws Exception {
        JsonObject created = call(replica, "POST", "/v1/services", new JsonObject()
                .put("name", "r-" + UUID.randomUUID().toString().substring(0, 8))
                .put("services", new JsonArray().add(new JsonObject().put("port", 80)
                        .put("destination_port", destination).put("handlers", new JsonArray().add("http")))));
        String uuid = created.getJsonObject("data").getJsonArray("service_groups").getJsonObject(0).getString("uuid");
        String fqdn = call(replica, "GET", "/v1/services/" + uuid, null).getJsonObject("data")
                .getJsonArray("service_groups").getJsonObject(0).getString("fqdn");
        return new String[] {uuid, fqdn};
    }

    private static String instance(Replica replica, String address, String group) throws Exception {
        JsonObject created = call(replica, "POST", "/v1/instances", new JsonObject().put("address", address)
                .put("service_group", new JsonObject().put("uuid", group)));
        JsonObject item = created.getJsonObject("data").getJsonArray("instances").getJsonObject(0);
        assertThat(item.getString("status")).as(item.encode()).isEqualTo("success");
        return item.getString("uuid");
    }

    private static String state(Replica replica, String instance) throws Exception {
        return call(replica, "GET", "/v1/instances/" + instance, null).getJsonObject("data").getJsonArray("instances")
                .getJsonObject(0).getString("state");
    }

    private static int status(Replica replica, String fqdn, String path) {
        return AppProcesses.status(replica.offset() + 80, fqdn, path);
    }

    private static void backend(String address, int port, java.util.function.Consumer<HttpServerRequest> handler)
            throws Exception {
        vertx.createHttpServer().requestHandler(handler::accept).listen(port, address)
                .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    @Test
    @Order(1)
    void aChangeMadeThroughOneReplicaIsRoutedByTheOther() throws Exception {
        int port = 42000 + ThreadLocalRandom.current().nextInt(15000);
        backend("127.0.0.2", port, request -> request.response().end("ok"));
        List<Long> lags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String[] group = group(a, port);
            instance(a, "127.0.0.2", group[0]);
            long changed = System.nanoTime();
            long deadline = changed + Duration.ofSeconds(30).toNanos();
            while (status(b, group[1], "/") != 200) {
                assertThat(System.nanoTime()).as("routed by the other replica in time").isLessThan(deadline);
            }
            lags.add(System.nanoTime() - changed);
        }
        Collections.sort(lags);
        double p50 = lags.get(49) / 1e6;
        double p99 = lags.get(98) / 1e6;
        System.out.printf("replica propagation over 100 changes: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n", p50, p99,
                lags.get(99) / 1e6);
        assertThat(p99).as("p99 propagation (ms), generous bound for a loaded machine").isLessThan(5000);
    }

    @Test
    @Order(2)
    void aReplicaKilledMidDrainDoesNotHoldTheInstancePastItsDeadline() throws Exception {
        int port = 42000 + ThreadLocalRandom.current().nextInt(15000);
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        backend("127.0.0.3", port, request -> {
            if (request.path().equals("/slow")) {
                held.add(request);
            } else {
                request.response().end("fast");
            }
        });
        String[] group = group(a, port);
        String instance = instance(a, "127.0.0.3", group[0]);
        long routed = System.currentTimeMillis() + 30_000;
        while (status(a, group[1], "/") != 200 || status(b, group[1], "/") != 200) {
            assertThat(System.currentTimeMillis()).as("routed by both").isLessThan(routed);
            Thread.sleep(20);
        }
        java.net.Socket slow = new java.net.Socket("127.0.0.1", b.offset() + 80);
        slow.getOutputStream().write(("GET /slow HTTP/1.1\r\nhost: " + group[1] + "\r\n\r\n").getBytes());
        long seen = System.currentTimeMillis() + 30_000;
        while (held.isEmpty()) {
            assertThat(System.currentTimeMillis()).as("slow request reached the backend").isLessThan(seen);
            Thread.sleep(20);
        }

        long drainMillis = 6000;
        call(a, "PUT", "/v1/instances/" + instance + "/stop", new JsonObject().put("drain_timeout_ms", drainMillis));
        long drainStarted = System.currentTimeMillis();
        Thread.sleep(2000);
        assertThat(state(a, instance)).as("idle on replica a, but b is live: not stopped early").isEqualTo("draining");

        b.process().destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        slow.close();
        long deadline = drainStarted + drainMillis + 30_000;
        while (!state(a, instance).equals("stopped")) {
            assertThat(System.currentTimeMillis()).as("stopped by its deadline on the surviving replica")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        System.out.printf("drain of %d ms finished %d ms after it started, its replica killed%n", drainMillis,
                System.currentTimeMillis() - drainStarted);
    }

    @Test
    @Order(3)
    void sigtermDuringASlowRequestLetsItCompleteThenTheReplicaExits() throws Exception {
        int port = 42000 + ThreadLocalRandom.current().nextInt(15000);
        List<HttpServerRequest> slowOnes = new CopyOnWriteArrayList<>();
        backend("127.0.0.4", port, request -> {
            if (request.path().equals("/slow")) {
                slowOnes.add(request);
                vertx.setTimer(3000, id -> request.response().end("finished after SIGTERM"));
            } else {
                request.response().end("fast");
            }
        });
        String[] group = group(a, port);
        instance(a, "127.0.0.4", group[0]);
        long routed = System.currentTimeMillis() + 30_000;
        while (status(a, group[1], "/") != 200) {
            assertThat(System.currentTimeMillis()).as("routed").isLessThan(routed);
            Thread.sleep(20);
        }
        List<RawHttp.Answer> answers = new CopyOnWriteArrayList<>();
        Thread client = new Thread(() -> {
            try {
                answers.add(RawHttp.get(a.offset() + 80, group[1], "/slow"));
            } catch (IOException e) {
                answers.add(new RawHttp.Answer(-1, e.toString(), ""));
            }
        });
        client.start();
        long seen = System.currentTimeMillis() + 30_000;
        while (slowOnes.isEmpty()) {
            assertThat(System.currentTimeMillis()).as("slow request reached the backend").isLessThan(seen);
            Thread.sleep(20);
        }
        a.process().destroy(); // SIGTERM
        client.join(30_000);
        assertThat(answers).singleElement().satisfies(answer -> {
            assertThat(answer.status()).as(answer.head()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("finished after SIGTERM");
        });
        assertThat(a.process().waitFor(30, TimeUnit.SECONDS)).as("the replica exits after its grace period").isTrue();
    }
}
