package io.servicegroups.gateway;

import io.netty.handler.ssl.OpenSsl;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.servicegroups.persistence.ChangeFeed;
import io.servicegroups.persistence.GatewayReplicas;
import io.smallrye.mutiny.Uni;
import java.util.UUID;
import io.servicegroups.persistence.InstanceRepository;
import io.servicegroups.persistence.RoutableGroups;
import io.servicegroups.persistence.db.DatabaseConfigSourceFactory;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.X509ExtendedKeyManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The data plane's life cycle (SPEC 7): at start it loads the TLS keys, reads the routing table, follows the
 * change events and opens a listener per published port; at shutdown it closes them (dev-mode live reload keeps
 * the same Vert.x, so nothing may outlive the application).
 */
@ApplicationScoped
public class Gateway {
    private static final Logger LOG = Logger.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final Vertx vertx;
    private final RoutableGroups groups;
    private final ChangeFeed feed;
    private final InstanceRepository instances;
    private final GatewayReplicas replicas;
    private final MeterRegistry registry;
    private final String metroDomain;
    private final Optional<String> dataDir;
    private RoutingTable table;
    private Listeners listeners;
    private Loads loads;
    private Closing closing;

    public Gateway(GatewayConfig config, Vertx vertx, RoutableGroups groups, ChangeFeed feed,
                   InstanceRepository instances, GatewayReplicas replicas, MeterRegistry registry,
                   @ConfigProperty(name = "sg.metro-domain") String metroDomain,
                   @ConfigProperty(name = "sg.data-dir") Optional<String> dataDir) {
        this.config = config;
        this.vertx = vertx;
        this.groups = groups;
        this.feed = feed;
        this.instances = instances;
        this.replicas = replicas;
        this.registry = registry;
        this.metroDomain = metroDomain;
        this.dataDir = dataDir;
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("gateway: disabled (sg.gateway.enabled=false)");
            return;
        }
        X509ExtendedKeyManager keys = keys();
        LOG.infof("gateway: sockets through %s", vertx.isNativeTransportEnabled() ? "epoll" : "Java NIO");
        logTlsEngine();
        loads = new Loads(new Load.Ejection(config.outlier().consecutiveFailures(),
                config.outlier().ejectionTime().toNanos()));
        table = new RoutingTable(vertx, groups::all, groups::byIds, loads);
        GatewayMetrics metrics = new GatewayMetrics(registry, loads);
        table.prepare(metrics::prepare);
        table.onRead(metrics::reading);
        closing = new Closing();
        Fleet fleet = new Fleet(metrics, new AccessLog(config.accessLog().enabled()), closing);
        WorkEnded ended = WorkEnded.IGNORED;
        if (config.stopDrainedWhenIdle()) {
            DrainWatcher drains = new DrainWatcher(table, loads, this::stopDrainedIfAlone);
            table.observe(drains);
            ended = drains;
        }
        PortVerticle.Setup setup = new PortVerticle.Setup(config.host(), config.portOffset(), table, keys, config,
                ended, fleet);
        listeners = new Listeners(vertx, setup, config.eventLoops().orElse(Runtime.getRuntime().availableProcessors()));
        table.observe(listeners);
        feed.start(table::reload, payload -> {
            ChangeEvents.Event change = ChangeEvents.parse(payload);
            metrics.changeEvent(change.at());
            change.apply(table::changed, table::reload);
        });
        table.reload();
    }

    void stop(@Observes ShutdownEvent event) {
        if (table == null) {
            return;
        }
        closing.begin(config.shutdownGrace());
        if (closing.await(loads::total)) {
            LOG.info("gateway: in-flight work finished; closing the listeners");
        }
        table.stop();
        feed.stop();
        try {
            listeners.closeAll().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("gateway: listeners did not close in time: %s", e.getMessage());
        }
    }

    /**
     * Stops a drained instance only while this replica is the only one following the change events: another
     * replica may still carry work of it, and then its drain deadline stops it (docs/design.md).
     */
    private Uni<Boolean> stopDrainedIfAlone(UUID instance) {
        return replicas.live().flatMap(live -> {
            if (live <= 1) {
                return instances.stopDrained(instance);
            }
            LOG.debugf("gateway: instance %s idle here; %d replicas live, its deadline stops it", instance, live);
            return Uni.createFrom().item(false);
        });
    }

    /** The published ports listening now (for tests and diagnostics). */
    public java.util.List<Integer> listeningPorts() {
        return listeners == null ? java.util.List.of() : listeners.open();
    }

    private void logTlsEngine() {
        TlsEngine wanted = config.tls().engine();
        if (wanted.available() == TlsEngine.OPENSSL) {
            LOG.infof("gateway: HTTPS encrypted by %s", OpenSsl.versionString());
        } else if (wanted == TlsEngine.OPENSSL) {
            LOG.warnf("gateway: OpenSSL does not load here (%s); HTTPS is encrypted by the JDK",
                    OpenSsl.unavailabilityCause());
        } else {
            LOG.info("gateway: HTTPS encrypted by the JDK (sg.gateway.tls.engine=jdk)");
        }
    }

    private X509ExtendedKeyManager keys() {
        Optional<String> cert = config.tls().certFile();
        Optional<String> key = config.tls().keyFile();
        try {
            if (cert.isPresent() != key.isPresent()) {
                throw new IllegalArgumentException("sg.gateway.tls.cert-file and sg.gateway.tls.key-file go together");
            }
            if (cert.isPresent()) {
                LOG.infof("gateway: TLS certificate from %s", cert.get());
                return PemKeys.load(Path.of(cert.get()), Path.of(key.get()));
            }
            Path directory = DatabaseConfigSourceFactory.dataDir(dataDir.orElse(null)).resolve("gateway")
                    .toAbsolutePath();
            WildcardCertificate.PemFiles files = WildcardCertificate.selfSigned(directory, metroDomain, Instant.now());
            LOG.infof("gateway: %s self-signed certificate for *.%s in %s (clients must trust it to connect over TLS)",
                    files.generated() ? "generated a" : "using the", metroDomain, files.cert());
            return PemKeys.load(files.cert(), files.key());
        } catch (Exception e) {
            throw new IllegalStateException("gateway: the TLS certificate cannot be used: " + e.getMessage(), e);
        }
    }
}
