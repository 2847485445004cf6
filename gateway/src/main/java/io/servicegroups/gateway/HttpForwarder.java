package io.servicegroups.gateway;

import io.servicegroups.core.routing.HostNames;
import io.servicegroups.core.routing.HttpsRedirect;
import io.vertx.core.AsyncResult;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;
import io.vertx.core.streams.WriteStream;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * The {@code http} handler: routes each request by its host to a group's port, balances it over the running
 * instances (least outstanding requests), and streams it to the chosen one over a keep-alive pool and back.
 * A backend that refuses the connection is skipped once for another; then 502. No instance: 503.
 */
final class HttpForwarder implements Handler<HttpServerRequest> {
    private static final Set<String> NOT_FORWARDED = Set.of("expect", "x-forwarded-proto", "x-forwarded-host");

    private final int port;
    private final boolean tls;
    private final Supplier<RoutingSnapshot> routes;
    private final HttpClient client;
    private final WorkEnded ended;
    private final Fleet fleet;

    HttpForwarder(int port, boolean tls, Supplier<RoutingSnapshot> routes, HttpClient client, WorkEnded ended,
                  Fleet fleet) {
        this.port = port;
        this.tls = tls;
        this.routes = routes;
        this.client = client;
        this.ended = ended;
        this.fleet = fleet;
    }

    @Override
    public void handle(HttpServerRequest request) {
        Closing closing = fleet.closing();
        HttpConnection connection = request.connection();
        closing.requestStarted(connection, request.version());
        request.response().endHandler(v -> closing.requestEnded(connection));
        if (closing.closing()) {
            closeAfter(request);
        }
        String host = HostNames.fromAuthority(request.host());
        Route route = routes.get().route(port, host);
        if (route == null) {
            fleet.unrouted();
            answer(request, 404, "no service group is published at " + (host == null ? "this host" : host)
                    + " on port " + port);
            return;
        }
        if (route.redirect()) {
            request.response().setStatusCode(HttpsRedirect.STATUS)
                    .putHeader("location", HttpsRedirect.location(request.host(), request.uri()))
                    .putHeader("content-length", "0").end();
            route.meters().request(HttpsRedirect.STATUS, 0);
            return;
        }
        Target target = route.acquire(null);
        if (target == null) {
            route.meters().request(503, 0);
            answer(request, 503, route.hasTargets() ? "every instance of " + route.fqdn() + " is at its limit"
                    : "no running instance serves " + route.fqdn());
            return;
        }
        request.pause();
        new Exchange(request, route, new Work(target, ended)).connect(false);
    }

    /** Copies {@code from} into {@code to} (counting the bytes), pausing {@code from} while {@code to} cannot take more. */
    private static void pump(ReadStream<Buffer> from, WriteStream<Buffer> to, IntConsumer counted) {
        from.handler(chunk -> {
            counted.accept(chunk.length());
            to.write(chunk);
            if (to.writeQueueFull()) {
                from.pause();
                to.drainHandler(v -> from.resume());
            }
        });
    }

    /** Tells an HTTP/1 client to close its keep-alive connection after this answer (shutting down). */
    static void closeAfter(HttpServerRequest request) {
        if (request.version() != HttpVersion.HTTP_2 && !request.response().headWritten()) {
            request.response().putHeader("connection", "close");
        }
    }

    /** A short plain-text answer of the gateway itself. */
    static void answer(HttpServerRequest request, int status, String text) {
        HttpServerResponse response = request.response();
        if (response.headWritten() || response.closed()) {
            response.reset();
            return;
        }
        response.setStatusCode(status).putHeader("content-type", "text/plain; charset=utf-8")
                .end(text + "\n");
    }

    /** One request on its way to a backend and back. */
    private final class Exchange {
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private final Route route;
        private final Work work;
        private final long started = System.nanoTime();
        private HttpClientRequest backend;
        private boolean over;
        private long bytesIn;
        private long bytesOut;

        Exchange(HttpServerRequest request, Route route, Work work) {
            this.request = request;
            this.response = request.response();
            this.route = route;
            this.work = work;
            response.closeHandler(v -> abort());
            request.exceptionHandler(failure -> abort());
        }

        void connect(boolean retried) {
            Target target = work.target();
            RequestOptions options = new RequestOptions().setServer(target.socketAddress())
                    .setHost(target.address()).setPort(target.port())
                    .setMethod(request.method()).setURI(request.uri());
            client.request(options).onComplete(ar -> {
                if (over) {
                    if (ar.succeeded()) {
                        ar.result().reset();
                    }
                    return;
                }
                if (ar.failed()) {
                    target.load().failed();
                    route.meters().upstreamError();
                    Target other = retried ? null : route.acquire(target);
                    if (other != null) {
                        work.moveTo(other);
                        connect(true);
                    } else {
                        fail(502, "the instance of " + route.fqdn() + " could not be reached");
                    }
                    return;
                }
                backend = ar.result();
                if (HopByHop.isWebSocketUpgrade(request.headers()) && request.version() == HttpVersion.HTTP_1_1) {
                    upgrade();
                } else {
                    forward();
                }
            });
        }

        private void prepareHeaders(boolean upgrade) {
            MultiMap headers = backend.headers();
            HopByHop.copy(request.headers(), headers, NOT_FORWARDED);
            if (upgrade) {
                headers.set("connection", "upgrade");
                headers.set("upgrade", request.getHeader("upgrade"));
            }
            if (request.authority() != null) {
                backend.authority(request.authority());
            }
            SocketAddress remote = request.remoteAddress();
            if (remote != null && remote.hostAddress() != null) {
                String previous = headers.get("x-forwarded-for");
                headers.set("x-forwarded-for", previous == null ? remote.hostAddress()
                        : previous + ", " + remote.hostAddress());
            }
            headers.set("x-forwarded-proto", tls ? "https" : "http");
            if (request.host() != null) {
                headers.set("x-forwarded-host", request.host());
            }
        }

        private void forward() {
            prepareHeaders(false);
            boolean lengthKnown = request.headers().contains("content-length");
            if (!lengthKnown && (request.headers().contains("transfer-encoding")
                    || (request.version() == HttpVersion.HTTP_2 && !request.isEnded()))) {
                backend.setChunked(true);
            }
            backend.response().onComplete(this::respond);
            backend.exceptionHandler(failure -> backendFailed());
            pump(request, backend, n -> bytesIn += n);
            request.endHandler(v -> backend.end());
            request.resume();
        }

        private void respond(AsyncResult<HttpClientResponse> ar) {
            if (over) {
                return;
            }
            if (ar.failed()) {
                backendFailed();
                return;
            }
            HttpClientResponse answer = ar.result();
            Load load = work.target() == null ? null : work.target().load();
            if (load != null && answer.statusCode() >= 500) {
                load.failed();
            } else if (load != null) {
                load.succeeded();
            }
            response.setStatusCode(answer.statusCode());
            if (request.version() != HttpVersion.HTTP_2 && answer.statusMessage() != null) {
                response.setStatusMessage(answer.statusMessage());
            }
            HopByHop.copy(answer.headers(), response.headers(), Set.of());
            if (fleet.closing().closing()) {
                closeAfter(request);
            }
            if (!answer.headers().contains("content-length") && request.version() == HttpVersion.HTTP_1_1
                    && hasBody(answer.statusCode())) {
                response.setChunked(true);
            }
            answer.exceptionHandler(failure -> backendFailed());
            pump(answer, response, n -> bytesOut += n);
            answer.endHandler(v -> {
                if (!over) {
                    response.end();
                    finish(answer.statusCode());
                }
            });
        }

        private boolean hasBody(int status) {
            return status >= 200 && status != 204 && status != 304 && !"HEAD".equals(request.method().name());
        }

        private void upgrade() {
            prepareHeaders(true);
            backend.connect().onComplete(ar -> {
                if (over) {
                    return;
                }
                if (ar.failed()) {
                    route.meters().upstreamError();
                    fail(502, "the instance of " + route.fqdn() + " refused the upgrade");
                    return;
                }
                HttpClientResponse answer = ar.result();
                if (answer.statusCode() != 101) {
                    respond(ar);
                    return;
                }
                response.setStatusCode(101);
                HopByHop.copy(answer.headers(), response.headers(), Set.of());
                response.headers().set("connection", "upgrade");
                response.headers().set("upgrade", answer.getHeader("upgrade"));
                NetSocket backendSocket = answer.netSocket();
                route.meters().connection();
                request.toNetSocket().onComplete(client -> {
                    if (client.failed()) {
                        backendSocket.close();
                        finish(101);
                        return;
                    }
                    Splice.accepted(client.result()).counting(n -> bytesIn += n, n -> bytesOut += n)
                            .to(backendSocket, () -> finish(101));
                });
            });
        }

        private void fail(int status, String text) {
            finish(status);
            answer(request, status, text);
        }

        /** The backend failed or closed: a 502 if nothing was answered yet, else the client's exchange is cut. */
        private void backendFailed() {
            if (over) {
                return;
            }
            route.meters().upstreamError();
            if (work.target() != null) {
                work.target().load().failed();
            }
            if (!response.headWritten()) {
                fail(502, "the instance of " + route.fqdn() + " closed the connection");
            } else {
                finish(response.getStatusCode());
                response.reset();
            }
        }

        /** The client went away (or its request broke): the backend exchange is dropped. */
        private void abort() {
            if (over) {
                return;
            }
            finish(0);
            if (backend != null) {
                backend.reset();
            }
        }

        /** The exchange is over with {@code status} (0: the client left): counted, logged, its work given back. */
        private void finish(int status) {
            if (!over) {
                over = true;
                long nanos = System.nanoTime() - started;
                RouteMeters meters = route.meters();
                meters.request(status, nanos);
                if (bytesIn > 0) {
                    meters.bytesIn(bytesIn);
                }
                if (bytesOut > 0) {
                    meters.bytesOut(bytesOut);
                }
                Target target = work.target();
                fleet.accessLog().http(route, target == null ? null : target.instance(), status, bytesIn, bytesOut,
                        nanos);
                work.finish();
            }
        }
    }
}
