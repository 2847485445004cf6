package io.servicegroups.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** The gateway's settings (SPEC 7); README lists them with their environment names. */
@ConfigMapping(prefix = "sg.gateway")
public interface GatewayConfig {
    /** Run the data plane in this application. */
    @WithDefault("true")
    boolean enabled();

    /** Address the published ports listen on. */
    @WithDefault("0.0.0.0")
    String host();

    /** A published port P listens on P + offset (0 in production, 10000 in dev mode). */
    @WithName("port-offset")
    @WithDefault("0")
    int portOffset();

    Tls tls();

    /** How often a port that could not be bound is tried again. */
    @WithName("bind-retry-interval")
    @WithDefault("5s")
    Duration bindRetryInterval();

    /** Longest wait for a backend to accept a connection. */
    @WithName("connect-timeout")
    @WithDefault("5s")
    Duration connectTimeout();

    /** Pooled keep-alive connections to a backend are closed after this long unused. */
    @WithName("backend-idle-timeout")
    @WithDefault("60s")
    Duration backendIdleTimeout();

    /**
     * HTTP/1 requests are passed on whole in the connection's own pipeline ({@code Http1Forwarder}); false sends
     * every request through Vert.x's request and response objects, as HTTP/2 always does (for comparison).
     */
    @WithName("http1-fast-path")
    @WithDefault("true")
    boolean http1FastPath();

    /** Listener instances per port, one per event loop; default: the number of processors. */
    @WithName("event-loops")
    OptionalInt eventLoops();

    /**
     * Stop a draining instance as soon as its last connection or request ends; only while this replica is the
     * only live one (docs/design.md), otherwise its drain deadline stops it.
     */
    @WithName("stop-drained-when-idle")
    @WithDefault("true")
    boolean stopDrainedWhenIdle();

    /** On shutdown, how long in-flight requests and connections may take to finish. */
    @WithName("shutdown-grace")
    @WithDefault("10s")
    Duration shutdownGrace();

    @WithName("access-log")
    AccessLogSettings accessLog();

    Outlier outlier();

    interface AccessLogSettings {
        /** One JSON line per request or connection in the log category io.servicegroups.gateway.access. */
        @WithDefault("false")
        boolean enabled();
    }

    /** Passive health: an instance failing this often in a row is out of rotation for a while. */
    interface Outlier {
        /** Consecutive connect failures or 5xx answers that eject an instance; 0: never. */
        @WithName("consecutive-failures")
        @WithDefault("5")
        int consecutiveFailures();

        /** How long an ejected instance stays out of rotation before it is tried again. */
        @WithName("ejection-time")
        @WithDefault("10s")
        Duration ejectionTime();
    }

    interface Tls {
        /** PEM certificate (chain) for {@code *.<metro-domain>}; none: a self-signed one under the data dir. */
        @WithName("cert-file")
        Optional<String> certFile();

        /** PEM private key of {@code cert-file}. */
        @WithName("key-file")
        Optional<String> keyFile();

        /** Who encrypts HTTPS: OpenSSL (BoringSSL; the JDK where its native library does not load) or the JDK. */
        @WithDefault("openssl")
        TlsEngine engine();
    }
}
