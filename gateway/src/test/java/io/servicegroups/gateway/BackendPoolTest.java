package io.servicegroups.gateway;

import static io.servicegroups.gateway.Backends.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keep-alive pool to the backends, on its own, against a real HTTP backend on loopback. */
class BackendPoolTest {
    private Vertx vertx;
    private Context context;
    private HttpServer backend;
    private Target target;
    private final Set<String> connections = ConcurrentHashMap.newKeySet();
    private final List<String> closed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        context = vertx.getOrCreateContext();
        int port = Harness.freePort();
        backend = await(vertx.createHttpServer().connectionHandler(connection -> {
            String id = connection.remoteAddress().toString();
            connections.add(id);
            connection.closeHandler(v -> closed.add(id));
        }).requestHandler(request -> request.response().end("hello")).listen(port, "127.0.0.2"));
        target = Target.of(UUID.randomUUID(), "127.0.0.2", port, new Load(Load.Ejection.DEFAULT));
    }

    @AfterEach
    void stop() {
        await(vertx.close());
    }

    private BackendPool pool(Duration idle, int max) {
        return new BackendPool((VertxInternal) vertx, ((ContextInternal) context).nettyEventLoop(),
                Duration.ofSeconds(2), idle, max);
    }

    /** Takes a connection, sends one GET and gives the connection back when the answer ended; the answer's body. */
    private String get(BackendPool pool) {
        Promise<String> answer = Promise.promise();
        context.runOnContext(v -> pool.acquire(target, new BackendPool.Waiter() {
            @Override
            public void acquired(BackendConnection connection) {
                connection.use(new Reader(connection, answer));
                connection.channel().writeAndFlush(new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET,
                        "/"));
            }

            @Override
            public void failed(Throwable cause) {
                answer.fail(cause);
            }
        }));
        return await(answer.future(), 10);
    }

    @Test
    void answersComeBackOverOneKeptAliveConnection() {
        BackendPool pool = pool(Duration.ofSeconds(30), 8);
        for (int i = 0; i < 20; i++) {
            assertThat(get(pool)).isEqualTo("hello");
        }
        assertThat(connections).hasSize(1);
        assertThat(closed).isEmpty();
    }

    @Test
    void anIdleConnectionIsClosedAfterTheIdleTimeout() {
        BackendPool pool = pool(Duration.ofSeconds(1), 8);
        assertThat(get(pool)).isEqualTo("hello");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closed.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(closed).hasSize(1);
        assertThat(get(pool)).as("a new connection after the idle one closed").isEqualTo("hello");
        assertThat(connections).hasSize(2);
    }

    @Test
    void atTheLimitARequestWaitsForAConnectionToComeBack() {
        BackendPool pool = pool(Duration.ofSeconds(30), 1);
        Promise<BackendConnection> first = Promise.promise();
        Promise<BackendConnection> second = Promise.promise();
        context.runOnContext(v -> {
            pool.acquire(target, waiter(first));
            pool.acquire(target, waiter(second));
        });
        BackendConnection taken = await(first.future(), 10);
        assertThat(second.future().isComplete()).as("the second waits while the only connection is taken").isFalse();
        context.runOnContext(v -> taken.giveBack(true));
        assertThat(await(second.future(), 10)).as("the same connection, handed on").isSameAs(taken);
    }

    @Test
    void closingThePoolClosesItsConnectionsAndRefusesNewOnes() {
        BackendPool pool = pool(Duration.ofSeconds(30), 8);
        assertThat(get(pool)).isEqualTo("hello");
        context.runOnContext(v -> pool.close());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (closed.isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(closed).hasSize(1);
        Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> get(pool));
        assertThat(failure).hasRootCauseInstanceOf(IllegalStateException.class);
    }

    private static BackendPool.Waiter waiter(Promise<BackendConnection> promise) {
        return new BackendPool.Waiter() {
            @Override
            public void acquired(BackendConnection connection) {
                promise.complete(connection);
            }

            @Override
            public void failed(Throwable cause) {
                promise.fail(cause);
            }
        };
    }

    /** Collects an answer's body and gives the connection back at its end. */
    private static final class Reader implements BackendConnection.User {
        private final BackendConnection connection;
        private final Promise<String> answer;
        private final StringBuilder body = new StringBuilder();

        Reader(BackendConnection connection, Promise<String> answer) {
            this.connection = connection;
            this.answer = answer;
        }

        @Override
        public void head(HttpResponse head) {
        }

        @Override
        public void content(HttpContent content, boolean last) {
            body.append(content.content().toString(java.nio.charset.StandardCharsets.UTF_8));
            content.release();
            if (last) {
                connection.giveBack(true);
                answer.complete(body.toString());
            }
        }

        @Override
        public void writable() {
        }

        @Override
        public void broken() {
            answer.tryFail("broken");
        }
    }
}
