package io.servicegroups.gateway;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Real backends on loopback addresses: HTTP servers that say who they are and echo, a TCP echo server. */
final class Backends {
    private Backends() {
    }

    static <T> T await(io.vertx.core.Future<T> future) {
        return await(future, 60);
    }

    static <T> T await(io.vertx.core.Future<T> future, int seconds) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(seconds, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * An HTTP backend named {@code name}: answers JSON {@code {name, method, uri, headers, body_bytes}} unless a
     * custom handler is given, and records the requests it saw.
     */
    static final class Http {
        final String name;
        final String address;
        final HttpServer server;
        final List<JsonObject> seen = new CopyOnWriteArrayList<>();

        Http(Vertx vertx, String name, String address, int port, Consumer<HttpServerRequest> custom) {
            this.name = name;
            this.address = address;
            this.server = listen(() -> vertx.createHttpServer(new HttpServerOptions().setHost(address).setPort(port))
                    .requestHandler(request -> {
                        if (custom != null) {
                            custom.accept(request);
                            return;
                        }
                        echo(request);
                    }).listen());
        }

        /**
         * Listens, trying again for up to 5 s while the address is in use: a backend that replaces one just closed
         * on the same address and port may find the port not yet released by the kernel.
         */
        private static HttpServer listen(java.util.function.Supplier<io.vertx.core.Future<HttpServer>> bind) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (true) {
                try {
                    return await(bind.get());
                } catch (IllegalStateException e) {
                    if (!(rootCause(e) instanceof java.net.BindException) || System.nanoTime() > deadline) {
                        throw e;
                    }
                    sleep();
                }
            }
        }

        private static Throwable rootCause(Throwable failure) {
            Throwable cause = failure;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            return cause;
        }

        private static void sleep() {
            try {
                Thread.sleep(50);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(interrupted);
            }
        }

        private void echo(HttpServerRequest request) {
            long[] bytes = new long[1];
            request.handler(chunk -> bytes[0] += chunk.length());
            request.endHandler(v -> {
                JsonObject headers = new JsonObject();
                request.headers().forEach((k, val) -> headers.put(k.toLowerCase(), val));
                JsonObject answer = new JsonObject().put("name", name).put("method", request.method().name())
                        .put("uri", request.uri()).put("headers", headers).put("body_bytes", bytes[0]);
                seen.add(answer);
                request.response().putHeader("content-type", "application/json").putHeader("x-backend", name)
                        .end(answer.encode());
            });
        }

        int port() {
            return server.actualPort();
        }

        void close() {
            await(server.close());
        }
    }

    /** A TCP server that echoes every byte; at the client's end it writes "bye" and closes. */
    static NetServer tcpEcho(Vertx vertx, String address, int port) {
        return await(vertx.createNetServer().connectHandler(socket -> {
            socket.handler(socket::write);
            socket.endHandler(v -> socket.end(Buffer.buffer("bye")));
        }).listen(port, address));
    }
}
