package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.junit.jupiter.api.Test;

/** The gateway's tests exercise the socket layer production uses on Linux: epoll, not Java NIO. */
class NativeTransportTest {
    @Test
    void socketsGoThroughEpoll() {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        try {
            assertThat(vertx.isNativeTransportEnabled()).as("epoll loads (%s)", vertx.unavailableNativeTransportCause())
                    .isTrue();
        } finally {
            vertx.close();
        }
    }
}
