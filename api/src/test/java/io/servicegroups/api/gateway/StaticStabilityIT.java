package io.servicegroups.api.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetSocket;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Static stability: the packaged application reaches PostgreSQL through a TCP proxy of the test, which is stopped
 * for 10 s while traffic flows. Requests to a group whose configuration did not change never fail; on reconnect
 * the gateway reads everything again and applies a change made while it was away.
 */
class StaticStabilityIT {
    private static final String TOKEN = "alice-token";

    /** A TCP proxy to 127.0.0.1:5432 that can be stopped (listener and every connection closed) and started. */
    private static final class DatabaseProxy {
        final Vertx vertx;
        final int port;
        final Set<NetSocket> open = ConcurrentHashMap.newKeySet();
        NetServer server;

        DatabaseProxy(Vertx vertx, int port) {
            this.vertx = vertx;
            this.port = port;
        }

        void start() throws Exception {
            server = vertx.createNetServer().connectHandler(client -> {
                client.pause();
                open.add(client);
                vertx.createNetClient().connect(5432, "127.0.0.1").onComplete(ar -> {
                    if (ar.failed()) {
                        client.close();
                        return;
                    }
                    NetSocket db = ar.result();
                    open.add(db);
                    client.pipeTo(db);
                    db.pipeTo(client);
                    client.closeHandler(v -> db.close());
                    db.closeHandler(v -> client.close());
                    client.resume();
                });
            }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        }

        void stop() throws Exception {
            server.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            open.forEach(NetSocket::close);
            open.clear();
        }
    }

    private static void psql(String database, String sql) throws Exception {
        AppProcesses.psql(database, sql);
    }

    private static JsonObject call(int apiPort, String method, String path, JsonObject body) throws Exception {
        return AppProcesses.call(apiPort, TOKEN, method, path, body);
    }

    /** A group on port 80 towards {@code destination} with one instance at {@code address}: {uuid, fqdn, instance}. */
    private static String[] groupWithInstance(int apiPort, int destination, String address) throws Exception {
        JsonObject created = call(apiPort, "POST", "/v1/services", new JsonObject()
                .put("name", "s-" + UUID.randomUUID().toString().substring(0, 8))
                .put("services", new JsonArray().add(new JsonObject().put("port", 80)
                        .put("destination_port", destination).put("handlers", new JsonArray().add("http")))));
        String uuid = created.getJsonObject("data").getJsonArray("service_groups").getJsonObject(0).getString("uuid");
        String fqdn = call(apiPort, "GET", "/v1/services/" + uuid, null).getJsonObject("data")
                .getJsonArray("service_groups").getJsonObject(0).getString("fqdn");
        String instance = call(apiPort, "POST", "/v1/instances", new JsonObject().put("address", address)
                .put("service_group", new JsonObject().put("uuid", uuid))).getJsonObject("data")
                .getJsonArray("instances").getJsonObject(0).getString("uuid");
        return new String[] {uuid, fqdn, instance};
    }

    private static int status(int port, String fqdn) {
        return AppProcesses.status(port, fqdn, "/");
    }

    @Test
    void trafficToAnUnchangedGroupNeverFailsWhileTheDatabaseIsAwayAndChangesMadeMeanwhileApplyOnReconnect()
            throws Exception {
        String database = "sg_static_" + Long.toHexString(System.nanoTime());
        int apiPort = 18900 + ThreadLocalRandom.current().nextInt(100);
        int proxyPort = 19100 + ThreadLocalRandom.current().nextInt(100);
        int offset = 23000;
        int gateway = offset + 80;
        psql("postgres", "create database " + database);
        Vertx vertx = Vertx.vertx();
        DatabaseProxy proxy = new DatabaseProxy(vertx, proxyPort);
        Process app = null;
        try {
            proxy.start();
            Path data = Path.of("target", "static-stability");
            Files.createDirectories(data);
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-Xmx256m", "-jar", "target/quarkus-app/quarkus-run.jar");
            Map<String, String> env = builder.environment();
            env.put("SG_DB_URL", "postgresql://postgres@127.0.0.1:" + proxyPort + "/" + database);
            env.put("QUARKUS_HTTP_PORT", Integer.toString(apiPort));
            env.put("SG_GATEWAY_PORT_OFFSET", Integer.toString(offset));
            env.put("SG_GATEWAY_HOST", "127.0.0.1");
            env.put("SG_AUTH_TOKENS", "alice:" + TOKEN);
            env.put("SG_DATA_DIR", data.toAbsolutePath().toString());
            builder.redirectErrorStream(true).redirectOutput(data.resolve("app.log").toFile());
            app = builder.start();
            long ready = System.currentTimeMillis() + 180_000;
            while (true) {
                assertThat(app.isAlive()).as("application runs (target/static-stability/app.log)").isTrue();
                assertThat(System.currentTimeMillis()).as("ready in time").isLessThan(ready);
                try {
                    if (AppProcesses.http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + "/q/health/ready"))
                            .build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    // starting
                }
                Thread.sleep(500);
            }

            int port = 42000 + ThreadLocalRandom.current().nextInt(15000);
            vertx.createHttpServer().requestHandler(request -> request.response().end("ok")).listen(port, "127.0.0.2")
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            vertx.createHttpServer().requestHandler(request -> request.response().end("ok")).listen(port, "127.0.0.3")
                    .toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            String[] steady = groupWithInstance(apiPort, port, "127.0.0.2");
            String[] changed = groupWithInstance(apiPort, port, "127.0.0.3");
            long routed = System.currentTimeMillis() + 30_000;
            while (status(gateway, steady[1]) != 200 || status(gateway, changed[1]) != 200) {
                assertThat(System.currentTimeMillis()).as("both routed").isLessThan(routed);
                Thread.sleep(20);
            }

            AtomicBoolean flowing = new AtomicBoolean(true);
            AtomicInteger sent = new AtomicInteger();
            AtomicInteger failed = new AtomicInteger();
            Thread traffic = new Thread(() -> {
                while (flowing.get()) {
                    sent.incrementAndGet();
                    if (status(gateway, steady[1]) != 200) {
                        failed.incrementAndGet();
                    }
                }
            });
            traffic.start();
            Thread.sleep(500);
            proxy.stop();
            long away = System.currentTimeMillis();
            // a change made while the gateway cannot see the database: the second group's instance stops
            psql(database, "update instance set state = 'stopped' where id = '" + changed[2] + "'");
            Thread.sleep(Math.max(0, 10_000 - (System.currentTimeMillis() - away)));
            int sentWhileAway = sent.get();
            proxy.start();

            long applied = System.currentTimeMillis() + 60_000;
            while (status(gateway, changed[1]) != 503) {
                assertThat(System.currentTimeMillis()).as("the change made meanwhile applied after reconnect")
                        .isLessThan(applied);
                Thread.sleep(50);
            }
            flowing.set(false);
            traffic.join(60_000);
            System.out.printf("static stability: %d requests (%d before reconnect), %d failed%n", sent.get(),
                    sentWhileAway, failed.get());
            assertThat(sentWhileAway).as("traffic flowed while the database was away").isGreaterThan(50);
            assertThat(failed.get()).as("failed requests to the unchanged group").isZero();
        } finally {
            if (app != null) {
                app.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
            vertx.close().toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
            psql("postgres", "drop database if exists " + database + " with (force)");
        }
    }
}
