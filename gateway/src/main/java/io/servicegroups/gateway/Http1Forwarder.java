package io.servicegroups.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.servicegroups.core.routing.HostNames;
import io.vertx.core.http.HttpConnection;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * The {@code http} handler's fast path for an HTTP/1 client connection: sits in the connection's Netty pipeline
 * between Vert.x's request decoder and Vert.x's own handler, and passes a plain request and its answer on whole
 * (the decoded request and response objects, headers stripped in place, body buffers handed over without a copy)
 * over this event loop's {@link BackendPool}. Anything else (an unknown host, a redirect, no instance, a WebSocket
 * upgrade, {@code Expect}, a malformed request, shutting down) goes on to Vert.x and {@link HttpForwarder}, and
 * from then on the whole connection does, so that answers never overtake each other.
 */
final class Http1Forwarder extends ChannelInboundHandlerAdapter {
    /** Why the client is not read: pipelined requests held, a backend connection awaited, a backend full. */
    private static final int HOLDING = 1;
    private static final int CONNECTING = 2;
    private static final int BACKEND_FULL = 4;

    private final HttpListener listener;
    private final Fleet fleet;
    private final HttpConnection connection;
    private final ArrayDeque<Object> held = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private String clientAddress;
    private Exchange current;
    private Channel flushOnReadComplete;
    private boolean reading;
    private boolean passed;
    private boolean closingAfterAnswer;
    private int pauses;

    Http1Forwarder(HttpListener listener, HttpConnection connection) {
        this.listener = listener;
        this.fleet = listener.fleet();
        this.connection = connection;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        ctx = context;
        if (context.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null) {
            clientAddress = remote.getAddress().getHostAddress();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        if (passed) {
            context.fireChannelRead(msg);
            return;
        }
        if (closingAfterAnswer) {
            ReferenceCountUtil.release(msg); // the connection closes after the answer being written
            return;
        }
        reading = true;
        try {
            if (current != null || !held.isEmpty()) {
                if (current != null && current.takes(msg)) {
                    current.fromClient((HttpContent) msg);
                } else {
                    held.add(msg); // a pipelined request waits for the answer before it; no more is read meanwhile
                    pause(HOLDING);
                }
                return;
            }
            dispatch(msg);
        } finally {
            reading = false;
        }
    }

    private void dispatch(Object msg) {
        if (!(msg instanceof HttpRequest request)) {
            ReferenceCountUtil.release(msg); // the rest of a request already answered
            return;
        }
        Route route = ours(request);
        Target target = route == null ? null : route.acquire(null);
        if (target == null) {
            passOn(msg); // HttpForwarder answers: 404, 308, 503 with its reason, upgrades, ...
            return;
        }
        current = new Exchange(request, listener.forwarding(route, target));
        if (msg instanceof HttpContent content) {
            current.fromClient(content);
        }
        current.connect(false);
    }

    /** From {@code msg} on, the connection is Vert.x's: it gets {@code msg} and what was held after it. */
    private void passOn(Object msg) {
        passed = true;
        ctx.fireChannelRead(msg);
        while (!held.isEmpty()) {
            ctx.fireChannelRead(held.poll());
        }
        resume(HOLDING);
    }

    /** The route of a plain request this path forwards itself, or null. */
    private Route ours(HttpRequest request) {
        if (request.decoderResult().isFailure() || fleet.closing().closing()) {
            return null;
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.UPGRADE) || headers.contains(HttpHeaderNames.EXPECT)
                || request.method() == HttpMethod.CONNECT) {
            return null;
        }
        String host = HostNames.fromAuthority(headers.get(HttpHeaderNames.HOST));
        Route route = listener.route(host);
        return route == null || route.redirect() ? null : route;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext context) {
        flushBackend();
        context.fireChannelReadComplete();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        if (current != null && context.channel().isWritable()) {
            current.clientWritable();
        }
        context.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (current != null) {
            current.clientLeft();
        }
        dropHeld();
        context.fireChannelInactive();
    }

    private void dropHeld() {
        while (!held.isEmpty()) {
            ReferenceCountUtil.release(held.poll());
        }
    }

    /** Stops reading the client for {@code reason} (a bit); reading resumes when no reason is left. */
    private void pause(int reason) {
        if (pauses == 0) {
            ctx.channel().config().setAutoRead(false);
        }
        pauses |= reason;
    }

    private void resume(int reason) {
        if ((pauses & reason) != 0) {
            pauses &= ~reason;
            if (pauses == 0) {
                ctx.channel().config().setAutoRead(true);
            }
        }
    }

    /** The exchange in progress is over: the next held request goes. */
    private void done(boolean closeAfter) {
        current = null;
        if (closeAfter || !ctx.channel().isActive()) {
            closingAfterAnswer = true; // what the client sent after it is not served
            dropHeld();
            return;
        }
        boolean wasReading = reading;
        boolean wasPassed = passed;
        reading = true;
        try {
            while (current == null && !passed && !held.isEmpty()) {
                dispatch(held.poll());
            }
            while (current != null && !held.isEmpty() && current.takes(held.peek())) {
                current.fromClient((HttpContent) held.poll());
            }
        } finally {
            reading = wasReading;
        }
        if (held.isEmpty()) {
            resume(HOLDING);
        }
        if (!wasReading) {
            flushBackend();
            if (passed && !wasPassed) {
                ctx.fireChannelReadComplete(); // Vert.x flushes what it wrote at the end of a read
            }
        }
    }

    private void flushBackend() {
        Channel backend = flushOnReadComplete;
        if (backend != null) {
            flushOnReadComplete = null;
            backend.flush();
        }
    }

    /** One request on its way to a backend and back, in Netty's messages. */
    private final class Exchange implements BackendPool.Waiter, BackendConnection.User {
        private final HttpRequest request;
        private final HttpVersion clientVersion;
        private final boolean clientKeepAlive;
        private final Forwarding forwarding;
        private final ArrayDeque<HttpContent> unsent = new ArrayDeque<>(2);
        private BackendConnection backend;
        private boolean retried;
        private boolean requestEnded;
        private boolean requestSent;
        private boolean informational;
        private boolean responded;
        private boolean responseEnded;
        private boolean backendKeepAlive;
        private boolean closeAfter;
        private boolean reusedBackend;
        private boolean replaying;
        private int status;

        Exchange(HttpRequest request, Forwarding forwarding) {
            this.request = request;
            this.clientVersion = request.protocolVersion();
            this.clientKeepAlive = HopByHop.keepAlive(request);
            this.forwarding = forwarding;
            fleet.closing().requestStarted(connection, clientVersion == HttpVersion.HTTP_1_0
                    ? io.vertx.core.http.HttpVersion.HTTP_1_0 : io.vertx.core.http.HttpVersion.HTTP_1_1);
            prepare();
        }

        /** Whether {@code msg} is the rest of this exchange's request. */
        boolean takes(Object msg) {
            return !requestEnded && msg instanceof HttpContent && !(msg instanceof HttpRequest);
        }

        private void prepare() {
            HttpHeaders headers = request.headers();
            boolean lengthKnown = headers.contains(HttpHeaderNames.CONTENT_LENGTH);
            boolean chunked = HttpUtil.isTransferEncodingChunked(request);
            String host = headers.get(HttpHeaderNames.HOST);
            HopByHop.strip(headers, HopByHop.SET_BY_GATEWAY);
            Forwarding.forwardedHeaders(headers::get, headers::set, clientAddress, listener.tls(), host);
            if (chunked && !lengthKnown) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
            request.setProtocolVersion(HttpVersion.HTTP_1_1);
        }

        void connect(boolean retry) {
            retried = retry;
            listener.pool().acquire(forwarding.target(), this);
            if (backend == null && !forwarding.over()) {
                pause(CONNECTING); // what was read meanwhile waits in unsent
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
            send(request);
            if (replaying) {
                send(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            while (!unsent.isEmpty()) {
                sendContent(unsent.poll());
            }
            resume(CONNECTING);
        }

        @Override
        public void failed(Throwable cause) {
            if (forwarding.over()) {
                return;
            }
            if (forwarding.nextAfterRefusal(retried) != null) {
                connect(true);
            } else {
                answer(HttpResponseStatus.BAD_GATEWAY, "the instance of " + forwarding.route().fqdn()
                        + " could not be reached", false);
            }
        }

        /** A part of the request's body from the client. */
        void fromClient(HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            requestEnded |= last;
            if (content.decoderResult().isFailure()) {
                content.release();
                requestEnded = true;
                malformed();
                return;
            }
            if (responseEnded || forwarding.over()) {
                content.release();
                if (last && responseEnded) {
                    done(closeAfter);
                }
                return;
            }
            if (backend == null) {
                unsent.add(content);
            } else {
                sendContent(content);
            }
        }

        private void sendContent(HttpContent content) {
            forwarding.bytesIn += content.content().readableBytes();
            if (content instanceof LastHttpContent) {
                requestSent = true;
            }
            send(content);
            if (!backend.channel().isWritable()) {
                pause(BACKEND_FULL);
            }
        }

        private void send(Object msg) {
            Channel channel = backend.channel();
            if (reading) {
                channel.write(msg, channel.voidPromise());
                flushOnReadComplete = channel;
            } else {
                channel.writeAndFlush(msg, channel.voidPromise());
            }
        }

        @Override
        public void writable() {
            resume(BACKEND_FULL);
        }

        void clientWritable() {
            if (backend != null) {
                backend.channel().config().setAutoRead(true);
            }
        }

        @Override
        public void head(HttpResponse answer) {
            int code = answer.status().code();
            if (code < 200 && code != 101) {
                informational = true; // 100 Continue, 103 Early Hints: not passed on
                ReferenceCountUtil.release(answer);
                return;
            }
            if (forwarding.over()) {
                return;
            }
            status = code;
            backendKeepAlive = HopByHop.keepAlive(answer);
            forwarding.answered(code);
            HttpHeaders headers = answer.headers();
            HopByHop.strip(headers);
            answer.setProtocolVersion(clientVersion);
            boolean hasBody = code >= 200 && code != 204 && code != 304 && request.method() != HttpMethod.HEAD;
            if (hasBody && !headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                if (clientVersion == HttpVersion.HTTP_1_1) {
                    headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
                } else {
                    closeAfter = true; // HTTP/1.0 without a length: the body ends with the connection
                }
            }
            closeAfter |= !clientKeepAlive || fleet.closing().closing();
            if (closeAfter) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (clientVersion == HttpVersion.HTTP_1_0) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            responded = true;
            ctx.write(answer, ctx.voidPromise());
        }

        @Override
        public void content(HttpContent content, boolean last) {
            if (informational || forwarding.over()) {
                content.release();
                informational &= !last;
                return;
            }
            forwarding.bytesOut += content.content().readableBytes();
            if (!last) {
                ctx.write(content, ctx.voidPromise());
                if (!ctx.channel().isWritable()) {
                    backend.channel().config().setAutoRead(false);
                }
                return;
            }
            BackendConnection connection = backend;
            backend = null;
            responseEnded = true;
            if (closeAfter) {
                ctx.writeAndFlush(content).addListener(ChannelFutureListener.CLOSE);
            } else {
                ctx.writeAndFlush(content, ctx.voidPromise());
            }
            end(status);
            connection.giveBack(backendKeepAlive && requestSent);
        }

        @Override
        public void readComplete() {
            ctx.flush();
        }

        @Override
        public void broken() {
            backend = null;
            informational = false;
            if (forwarding.over()) {
                return;
            }
            if (!responded && reusedBackend && !replaying && requestEnded && forwarding.bytesIn == 0
                    && Forwarding.idempotent(request.method().name())) {
                replaying = true; // a kept-alive connection the backend had closed meanwhile: once more, on a new one
                listener.pool().acquireNew(forwarding.target(), this);
                return;
            }
            forwarding.broke();
            if (!responded) {
                answer(HttpResponseStatus.BAD_GATEWAY, "the instance of " + forwarding.route().fqdn()
                        + " closed the connection", false);
            } else {
                forwarding.finish(status);
                fleet.closing().requestEnded(connection);
                ctx.close(); // the answer cannot be completed: the client must not take it for whole
            }
        }

        /** The client's connection closed: the backend exchange is dropped. */
        void clientLeft() {
            unsent.forEach(HttpContent::release);
            unsent.clear();
            if (forwarding.over()) {
                return;
            }
            forwarding.finish(0);
            fleet.closing().requestEnded(connection);
            BackendConnection connection = backend;
            backend = null;
            if (connection != null) {
                connection.cut();
            }
        }

        /** The client's request body was malformed: the backend exchange is dropped, the client gets 400 or is cut. */
        private void malformed() {
            unsent.forEach(HttpContent::release);
            unsent.clear();
            BackendConnection connection = backend;
            backend = null;
            if (connection != null) {
                connection.cut();
            }
            if (responded || responseEnded || forwarding.over()) {
                if (!forwarding.over()) {
                    forwarding.finish(status);
                    fleet.closing().requestEnded(Http1Forwarder.this.connection);
                }
                ctx.close();
                return;
            }
            answer(HttpResponseStatus.BAD_REQUEST, "the request's body is malformed", true);
        }

        /** A short plain-text answer of the gateway itself; the exchange ends with it. */
        private void answer(HttpResponseStatus answerStatus, String text, boolean close) {
            ByteBuf body = Unpooled.copiedBuffer(text + "\n", StandardCharsets.UTF_8);
            DefaultFullHttpResponse response = new DefaultFullHttpResponse(clientVersion, answerStatus, body);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=utf-8")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
            closeAfter = close || !clientKeepAlive || fleet.closing().closing();
            if (closeAfter) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            } else {
                if (clientVersion == HttpVersion.HTTP_1_0) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
                }
                ctx.writeAndFlush(response, ctx.voidPromise());
            }
            responseEnded = true;
            unsent.forEach(HttpContent::release);
            unsent.clear();
            end(answerStatus.code());
        }

        private void end(int code) {
            resume(CONNECTING | BACKEND_FULL); // the rest of the request, if any, is read and dropped
            forwarding.finish(code);
            fleet.closing().requestEnded(connection);
            if (requestEnded || closeAfter) {
                done(closeAfter);
            }
        }
    }
}
