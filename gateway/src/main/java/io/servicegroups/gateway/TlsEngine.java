package io.servicegroups.gateway;

import io.vertx.core.net.JdkSSLEngineOptions;
import io.vertx.core.net.OpenSSLEngineOptions;
import io.vertx.core.net.SSLEngineOptions;

/** Who encrypts the gateway's TLS records and does its handshakes. */
public enum TlsEngine {
    /** BoringSSL through netty-tcnative: handshakes and records in C, as HAProxy and nginx do them. */
    OPENSSL,
    /** The JDK's own {@code SSLEngine}. */
    JDK;

    /** This engine, or the JDK's where OpenSSL's native library does not load. */
    TlsEngine available() {
        return this == OPENSSL && !OpenSSLEngineOptions.isAvailable() ? JDK : this;
    }

    SSLEngineOptions options() {
        return this == OPENSSL ? new OpenSSLEngineOptions() : new JdkSSLEngineOptions();
    }
}
