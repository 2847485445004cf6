package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.Handler;
import io.servicegroups.core.InstanceState;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.routing.RoutableGroup;
import io.smallrye.mutiny.Uni;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The gateway's data plane without Quarkus or a database: a routing table fed from a list the test sets, real
 * listeners on a random port offset, the drain watcher recording which instances it stopped.
 */
final class Harness implements AutoCloseable {
    static final String DOMAIN = "fra0.kraft.host";

    /** Sockets through epoll where it loads, as the application's (quarkus.vertx.prefer-native-transport). */
    final Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
    final int offset = freeOffset();
    final Path certDir;
    final Loads loads;
    final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    final GatewayMetrics metrics;
    final Fleet fleet;
    final Set<UUID> stopped = ConcurrentHashMap.newKeySet();
    private volatile List<RoutableGroup> groups = List.of();
    final RoutingTable table;
    final Listeners listeners;

    Harness() throws Exception {
        this(TlsEngine.OPENSSL);
    }

    Harness(TlsEngine engine) throws Exception {
        this(Load.Ejection.DEFAULT, AccessLog.OFF, engine, true);
    }

    /** {@code fastPath} false: every HTTP/1 request goes through Vert.x's request objects, as HTTP/2 ones do. */
    Harness(TlsEngine engine, boolean fastPath) throws Exception {
        this(Load.Ejection.DEFAULT, AccessLog.OFF, engine, fastPath);
    }

    Harness(Load.Ejection ejection, AccessLog accessLog) throws Exception {
        this(ejection, accessLog, TlsEngine.OPENSSL, true);
    }

    Harness(Load.Ejection ejection, AccessLog accessLog, TlsEngine engine, boolean fastPath) throws Exception {
        loads = new Loads(ejection);
        metrics = new GatewayMetrics(registry, loads);
        fleet = new Fleet(metrics, accessLog, new Closing());
        certDir = Files.createTempDirectory("sg-gateway-test");
        WildcardCertificate.PemFiles files = WildcardCertificate.selfSigned(certDir, DOMAIN, Instant.now());
        X509ExtendedKeyManager keys = PemKeys.load(files.cert(), files.key());
        table = new RoutingTable(vertx, () -> Uni.createFrom().item(groups), ids -> Uni.createFrom().item(
                groups.stream().filter(g -> ids.contains(g.uuid())).toList()), loads);
        table.prepare(metrics::prepare);
        table.onRead(metrics::reading);
        DrainWatcher drains = new DrainWatcher(table, loads, id -> {
            stopped.add(id);
            List<RoutableGroup> next = new ArrayList<>();
            for (RoutableGroup g : groups) {
                next.add(new RoutableGroup(g.uuid(), g.fqdn(), g.services(), g.limits(),
                        g.backends().stream().filter(b -> !b.instance().equals(id)).toList()));
            }
            groups = next;
            table.reload();
            return Uni.createFrom().item(true);
        });
        table.observe(drains);
        listeners = new Listeners(vertx, new PortVerticle.Setup("127.0.0.1", offset, table, keys, config(engine, fastPath), drains, fleet), 2);
        table.observe(listeners);
    }

    /**
     * A random offset whose ports 80 and 443 are free now, and with which every published port of these tests (up
     * to 8443) stays below Linux's ephemeral ports (32768 up): an outgoing connection's local port once took a
     * listener's port, which then never opened.
     */
    private static int freeOffset() {
        int offset;
        int tries = 0;
        do {
            offset = 10000 + ThreadLocalRandom.current().nextInt(140) * 100;
        } while (++tries < 50 && !(free(offset + 80) && free(offset + 443)));
        return offset;
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Replaces what the database would hold and waits until the gateway routes it and listens on its ports. */
    void publish(RoutableGroup... next) {
        long before = table.get().version();
        groups = List.of(next);
        table.reload();
        awaitTrue(() -> table.get().version() > before, "snapshot swapped");
        Set<Integer> ports = table.get().ports().keySet();
        awaitTrue(() -> listeners.open().containsAll(ports) && ports.containsAll(listeners.open()), "listeners open");
    }

    int port(int published) {
        return published + offset;
    }

    static RoutableGroup group(String label, List<PublishedService> services, ConcurrencyLimits limits,
                               RoutableGroup.Backend... backends) {
        return new RoutableGroup(UUID.randomUUID(), label + "." + DOMAIN, services, limits, List.of(backends));
    }

    static RoutableGroup.Backend running(String address) {
        return new RoutableGroup.Backend(UUID.randomUUID(), address, InstanceState.RUNNING);
    }

    static RoutableGroup.Backend draining(RoutableGroup.Backend backend) {
        return new RoutableGroup.Backend(backend.instance(), backend.address(), InstanceState.DRAINING);
    }

    static PublishedService http(int destination) {
        return new PublishedService(80, destination, List.of(Handler.HTTP));
    }

    static PublishedService https(int destination) {
        return new PublishedService(443, destination, List.of(Handler.TLS, Handler.HTTP));
    }

    static PublishedService redirect() {
        return new PublishedService(80, 443, List.of(Handler.HTTP, Handler.REDIRECT));
    }

    static PublishedService tls(int port, int destination) {
        return new PublishedService(port, destination, List.of(Handler.TLS));
    }

    static void awaitTrue(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                assertThat(condition.getAsBoolean()).as(what).isTrue();
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A free port on both loopback addresses, so that two backends can share a destination port. */
    static int freePort() {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = 41000 + ThreadLocalRandom.current().nextInt(20000);
            try (var a = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.2"));
                 var b = new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.3"))) {
                return port;
            } catch (java.io.IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port");
    }

    /** What the application does on shutdown: stop taking work, wait for what is open, close the listeners. */
    boolean shutdown(Duration grace) throws Exception {
        fleet.closing().begin(grace);
        boolean finished = fleet.closing().await(loads::total);
        table.stop();
        Backends.await(listeners.closeAll());
        return finished;
    }

    /** The Prometheus text of the meters, as {@code /q/metrics} shows them. */
    String scrape() {
        return registry.scrape();
    }

    /** The value of the sample {@code name{labels}} in {@link #scrape()} (labels in Prometheus order), or null. */
    Double sample(String name, String labels) {
        String prefix = name + (labels.isEmpty() ? "" : "{" + labels + ",}") + " ";
        String prefixNoComma = name + (labels.isEmpty() ? "" : "{" + labels + "}") + " ";
        for (String line : scrape().split("\n")) {
            if (line.startsWith(prefix)) {
                return Double.valueOf(line.substring(prefix.length()).trim());
            }
            if (line.startsWith(prefixNoComma)) {
                return Double.valueOf(line.substring(prefixNoComma.length()).trim());
            }
        }
        return null;
    }

    @Override
    public void close() throws Exception {
        table.stop();
        Backends.await(listeners.closeAll());
        Backends.await(vertx.close());
    }

    static GatewayConfig config(TlsEngine engine, boolean fastPath) {
        return new GatewayConfig() {
            public boolean enabled() {
                return true;
            }

            public String host() {
                return "127.0.0.1";
            }

            public int portOffset() {
                return 0;
            }

            public Tls tls() {
                return new Tls() {
                    public Optional<String> certFile() {
                        return Optional.empty();
                    }

                    public Optional<String> keyFile() {
                        return Optional.empty();
                    }

                    public TlsEngine engine() {
                        return engine;
                    }
                };
            }

            public Duration bindRetryInterval() {
                return Duration.ofMillis(200);
            }

            public Duration connectTimeout() {
                return Duration.ofSeconds(2);
            }

            public Duration backendIdleTimeout() {
                return Duration.ofSeconds(30);
            }

            public boolean http1FastPath() {
                return fastPath;
            }

            public OptionalInt eventLoops() {
                return OptionalInt.of(2);
            }

            public boolean stopDrainedWhenIdle() {
                return true;
            }

            public Duration shutdownGrace() {
                return Duration.ofSeconds(10);
            }

            public AccessLogSettings accessLog() {
                return () -> false;
            }

            public Outlier outlier() {
                return new Outlier() {
                    public int consecutiveFailures() {
                        return 5;
                    }

                    public Duration ejectionTime() {
                        return Duration.ofSeconds(10);
                    }
                };
            }
        };
    }
}
