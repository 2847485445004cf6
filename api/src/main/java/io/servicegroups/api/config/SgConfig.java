package io.servicegroups.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The application's own settings (SPEC 6); README lists them with their environment names. */
@ConfigMapping(prefix = "sg")
public interface SgConfig {
    /** IATA-style metro code, e.g. {@code fra0}. */
    @WithDefault("fra0")
    String metro();

    /** Domain under which group DNS names live. */
    @WithName("metro-domain")
    @WithDefault("${sg.metro}.kraft.host")
    String metroDomain();

    Auth auth();

    Db db();

    /** Where the embedded PostgreSQL keeps its data (read by the database config source). */
    @WithName("data-dir")
    Optional<String> dataDir();

    Dns dns();

    Api api();

    Instances instances();

    interface Auth {
        /** Comma-separated {@code user:token} pairs; none: a token is generated at first start. */
        Optional<String> tokens();

        /** The user the generated token stands for. */
        @WithName("generated-user")
        @WithDefault("default")
        String generatedUser();

        /** Replaces the generated token with a new one at start (and prints it): for a token that was lost. */
        @WithName("reset-generated-token")
        @WithDefault("false")
        boolean resetGeneratedToken();
    }

    interface Db {
        /** {@code postgresql://user:password@host:port/database}; none: embedded PostgreSQL. */
        Optional<String> url();

        /** Longest wait for a pooled connection (all in use) before the request answers 503. */
        @WithName("pool-wait-timeout")
        @WithDefault("10s")
        Duration poolWaitTimeout();

        /** The database cancels a statement (lock waits included) after this (read by the pool creator too). */
        @WithName("statement-timeout")
        @WithDefault("10s")
        Duration statementTimeout();

        /** The database ends a session idle inside a transaction after this (read by the pool creator). */
        @WithName("idle-in-transaction-timeout")
        @WithDefault("10s")
        Duration idleInTransactionTimeout();
    }

    interface Dns {
        /** Labels that cannot be used directly under the metro domain. */
        @WithName("reserved-labels")
        @WithDefault("www,api,admin,mail,status")
        List<String> reservedLabels();
    }

    interface Instances {
        /** How often draining instances past their deadline are looked for (timers also fire on time). */
        @WithName("drain-sweep-interval")
        @WithDefault("5s")
        Duration drainSweepInterval();
    }

    interface Api {
        /** Most items one request may carry. */
        @WithName("max-batch-size")
        @WithDefault("1000")
        int maxBatchSize();

        /** Largest request body accepted, in bytes. */
        @WithName("max-body-bytes")
        @WithDefault("1048576")
        int maxBodyBytes();

        /** Longest a request body may take to arrive before the request answers 408. */
        @WithName("body-timeout")
        @WithDefault("10s")
        Duration bodyTimeout();

        /** Longest a /v1 request may take before it answers 503. */
        @WithName("request-timeout")
        @WithDefault("30s")
        Duration requestTimeout();
    }
}
