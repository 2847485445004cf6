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

    /** Listener instances per port, one per event loop; default: the number of processors. */
    @WithName("event-loops")
    OptionalInt eventLoops();

    /** Stop a draining instance as soon as its last connection or request ends (single replica). */
    @WithName("stop-drained-when-idle")
    @WithDefault("true")
    boolean stopDrainedWhenIdle();

    interface Tls {
        /** PEM certificate (chain) for {@code *.<metro-domain>}; none: a self-signed one under the data dir. */
        @WithName("cert-file")
        Optional<String> certFile();

        /** PEM private key of {@code cert-file}. */
        @WithName("key-file")
        Optional<String> keyFile();
    }
}
