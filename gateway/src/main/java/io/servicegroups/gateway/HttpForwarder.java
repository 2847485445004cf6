package io.servicegroups.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.servicegroups.core.routing.HostNames;
import io.servicegroups.core.routing.HttpsRedirect;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
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
import io.vertx.core.net.impl.VertxHandler;

/**
 * The {@code http} handler: routes each request by its host to a group's port, balances it over the running
 * instances (least outstanding requests), and streams it to the chosen one over a keep-alive connection of
 * this event loop's {@link BackendPool} and back. WebSocket upgrades go through Vert.x's client instead.
 * A backend that refuses the connection is skipped once for another; then 502. No instance: 503.
 */
final class HttpForwarder implements Handler<HttpServerRequest> {
    private final HttpListener listener;
    private final HttpClient upgrades;
    private final Fleet fleet;

    HttpForwarder(HttpListener listener, HttpClient upgrades) {
        this.listener = listener;
        this.upgrades = upgrades;
        this.fleet = listener.fleet();
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
        Route route = listener.route(host);
        if (route == null) {
            fleet.unrouted();
            answer(request, 404, "no service group is published at " + (host == null ? "this host" : host)
                    + " on port " + listener.port());
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
        Exchange exchange = new Exchange(request, listener.forwarding(route, target));
        if (HopByHop.isWebSocketUpgrade(request.headers()) && request.version() == HttpVersion.HTTP_1_1) {
            request.pause();
            exchange.upgrade(false);
        } else {
            exchange.connect(false);
        }
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
    private final class Exchange implements BackendPool.Waiter, BackendConnection.User {
        private final HttpServerRequest request;
        private final HttpServerResponse response;
        private final Forwarding forwarding;
        private final Route route;
        private BackendConnection backend;
        private boolean retried;
        private boolean paused;
        private boolean requestSent;
        private boolean informational;
        private boolean keepAlive;
        private boolean bodyless;
        private boolean reusedBackend;
        private boolean replaying;
        private int status;

        Exchange(HttpServerRequest request, Forwarding forwarding) {
            this.request = request;
            this.response = request.response();
            this.forwarding = forwarding;
            this.route = forwarding.route();
            response.closeHandler(v -> abort());
            request.exceptionHandler(failure -> abort());
        }

        /** Asks the pool for a connection to the current target; the request waits (paused) if it must. */
        void connect(boolean retry) {
            retried = retry;
            listener.pool().acquire(forwarding.target(), this);
            if (backend == null && !forwarding.over() && !paused) {
                paused = true;
                request.pause();
            }
        }

        @Override
        public void acquired(BackendConnection connection) {
            if (forwarding.over()) {
                connection.giveBack(true);
                return;
            }
            backend = connection;
            reusedBackend = connection.reused();
            connection.use(this);
            forward();
        }

        @Override
        public void failed(Throwable cause) {
            if (forwarding.over()) {
                return;
            }
            if (forwarding.nextAfterRefusal(retried) != null) {
                connect(true);
            } else {
                fail(502, "the instance of " + route.fqdn() + " could not be reached");
            }
        }

        private void forward() {
            MultiMap from = request.headers();
            HttpHeaders headers = new DefaultHttpHeaders(false);
            HopByHop.copy(from, headers, HopByHop.SET_BY_GATEWAY);
            if (!headers.contains(HttpHeaderNames.HOST) && request.authority() != null) {
                headers.set(HttpHeaderNames.HOST, request.authority().toString());
            }
            Forwarding.forwardedHeaders(headers::get, headers::set, clientAddress(), listener.tls(), request.host());
            boolean lengthKnown = from.contains(HttpHeaderNames.CONTENT_LENGTH);
            boolean chunked = from.contains(HttpHeaderNames.TRANSFER_ENCODING);
            boolean http2 = request.version() == HttpVersion.HTTP_2;
            if (!lengthKnown && (chunked || (http2 && !request.isEnded()))) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
            var version = io.netty.handler.codec.http.HttpVersion.HTTP_1_1;
            var channel = backend.channel();
            if (!http2 && !chunked && (!lengthKnown || "0".equals(from.get(HttpHeaderNames.CONTENT_LENGTH)))) {
                channel.writeAndFlush(new DefaultFullHttpRequest(version, request.method().toNetty(), request.uri(),
                        Unpooled.EMPTY_BUFFER, headers, EmptyHttpHeaders.INSTANCE), channel.voidPromise());
                requestSent = true; // no body: the request is whole at once
                bodyless = true;
            } else {
                channel.writeAndFlush(new DefaultHttpRequest(version, request.method().toNetty(), request.uri(),
                        headers), channel.voidPromise());
                request.handler(this::upload);
                request.endHandler(v -> uploaded());
            }
            if (paused) {
                paused = false;
                request.resume();
            }
        }

        private void upload(Buffer chunk) {
            if (forwarding.over() || backend == null) {
                return;
            }
            forwarding.bytesIn += chunk.length();
            var channel = backend.channel();
            channel.writeAndFlush(new DefaultHttpContent(chunk.getByteBuf()), channel.voidPromise());
            if (!channel.isWritable() && !paused) {
                paused = true;
                request.pause();
            }
        }

        private void uploaded() {
            if (forwarding.over() || backend == null || requestSent) {
                return;
            }
            requestSent = true;
            var channel = backend.channel();
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT, channel.voidPromise());
        }

        @Override
        public void writable() {
            if (paused && !forwarding.over()) {
                paused = false;
                request.resume();
            }
        }

        @Override
        public void head(HttpResponse answer) {
            int code = answer.status().code();
            if (code < 200 && code != 101) {
                informational = true; // 100 Continue, 103 Early Hints: not passed on
                return;
            }
            if (forwarding.over()) {
                return;
            }
            status = code;
            keepAlive = HopByHop.keepAlive(answer);
            forwarding.answered(code);
            response.setStatusCode(code);
            if (request.version() != HttpVersion.HTTP_2) {
                response.setStatusMessage(answer.status().reasonPhrase());
            }
            HopByHop.copy(answer.headers(), response.headers());
            if (fleet.closing().closing()) {
                closeAfter(request);
            }
            if (!answer.headers().contains(HttpHeaderNames.CONTENT_LENGTH)
                    && request.version() == HttpVersion.HTTP_1_1 && hasBody(code)) {
                response.setChunked(true);
            }
        }

        @Override
        public void content(HttpContent content, boolean last) {
            if (informational || forwarding.over()) {
                content.release();
                informational &= !last;
                return;
            }
            ByteBuf data = content.content();
            int length = data.readableBytes();
            forwarding.bytesOut += length;
            Buffer chunk = length == 0 ? null : Buffer.buffer(VertxHandler.safeBuffer(data));
            if (length == 0) {
                content.release();
            }
            if (last) {
                BackendConnection connection = backend;
                backend = null;
                if (chunk == null) {
                    response.end();
                } else {
                    response.end(chunk);
                }
                forwarding.finish(status);
                connection.giveBack(keepAlive && requestSent);
            } else if (chunk != null) {
                response.write(chunk);
                if (response.writeQueueFull()) {
                    var channel = backend.channel();
                    channel.config().setAutoRead(false);
                    response.drainHandler(v -> channel.config().setAutoRead(true));
                }
            }
        }

        @Override
        public void broken() {
            backend = null;
            informational = false;
            if (!response.headWritten() && !forwarding.over() && reusedBackend && !replaying && bodyless
                    && Forwarding.idempotent(request.method().name())) {
                replaying = true; // a kept-alive connection the backend had closed meanwhile: once more, on a new one
                listener.pool().acquireNew(forwarding.target(), this);
                return;
            }
            backendFailed();
        }

        private String clientAddress() {
            SocketAddress remote = request.remoteAddress();
            return remote == null ? null : remote.hostAddress();
        }

        private boolean hasBody(int code) {
            return code >= 200 && code != 204 && code != 304 && !"HEAD".equals(request.method().name());
        }

        void upgrade(boolean retry) {
            Target target = forwarding.target();
            RequestOptions options = new RequestOptions().setServer(target.socketAddress())
                    .setHost(target.address()).setPort(target.port())
                    .setMethod(request.method()).setURI(request.uri());
            upgrades.request(options).onComplete(ar -> {
                if (forwarding.over()) {
                    if (ar.succeeded()) {
                        ar.result().reset();
                    }
                    return;
                }
                if (ar.failed()) {
                    if (forwarding.nextAfterRefusal(retry) != null) {
                        upgrade(true);
                    } else {
                        fail(502, "the instance of " + route.fqdn() + " could not be reached");
                    }
                    return;
                }
                passUpgrade(ar.result());
            });
        }

        private void passUpgrade(HttpClientRequest upgrade) {
            MultiMap headers = upgrade.headers();
            HopByHop.copy(request.headers(), headers, HopByHop.SET_BY_GATEWAY);
            headers.set("connection", "upgrade");
            headers.set("upgrade", request.getHeader("upgrade"));
            if (request.authority() != null) {
                upgrade.authority(request.authority());
            }
            Forwarding.forwardedHeaders(headers::get, headers::set, clientAddress(), listener.tls(), request.host());
            upgrade.connect().onComplete(ar -> {
                if (forwarding.over()) {
                    return;
                }
                if (ar.failed()) {
                    route.meters().upstreamError();
                    fail(502, "the instance of " + route.fqdn() + " refused the upgrade");
                    return;
                }
                HttpClientResponse answer = ar.result();
                if (answer.statusCode() != 101) {
                    refusedUpgrade(answer);
                    return;
                }
                response.setStatusCode(101);
                HopByHop.copy(answer.headers(), response.headers());
                response.headers().set("connection", "upgrade");
                response.headers().set("upgrade", answer.getHeader("upgrade"));
                NetSocket backendSocket = answer.netSocket();
                route.meters().connection();
                request.toNetSocket().onComplete(client -> {
                    if (client.failed()) {
                        backendSocket.close();
                        forwarding.finish(101);
                        return;
                    }
                    Splice.accepted(client.result()).counting(n -> forwarding.bytesIn += n,
                            n -> forwarding.bytesOut += n).to(backendSocket, () -> forwarding.finish(101));
                });
            });
        }

        /** The backend answered an upgrade with something else: that answer goes back as it is. */
        private void refusedUpgrade(HttpClientResponse answer) {
            response.setStatusCode(answer.statusCode());
            if (answer.statusMessage() != null) {
                response.setStatusMessage(answer.statusMessage());
            }
            HopByHop.copy(answer.headers(), response.headers());
            if (!answer.headers().contains("content-length") && hasBody(answer.statusCode())) {
                response.setChunked(true);
            }
            answer.exceptionHandler(failure -> backendFailed());
            answer.handler(chunk -> {
                forwarding.bytesOut += chunk.length();
                response.write(chunk);
            });
            answer.endHandler(v -> {
                if (!forwarding.over()) {
                    response.end();
                    forwarding.finish(answer.statusCode());
                }
            });
        }

        private void fail(int code, String text) {
            forwarding.finish(code);
            answer(request, code, text);
        }

        /** The backend failed or closed: a 502 if nothing was answered yet, else the client's exchange is cut. */
        private void backendFailed() {
            if (forwarding.over()) {
                return;
            }
            forwarding.broke();
            if (!response.headWritten()) {
                fail(502, "the instance of " + route.fqdn() + " closed the connection");
            } else {
                forwarding.finish(response.getStatusCode());
                response.reset();
            }
        }

        /** The client went away (or its request broke): the backend exchange is dropped. */
        private void abort() {
            if (forwarding.over()) {
                return;
            }
            forwarding.finish(0);
            BackendConnection connection = backend;
            backend = null;
            if (connection != null) {
                connection.cut();
            }
        }
    }
}
