package io.servicegroups.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

/**
 * One keep-alive HTTP/1.1 connection to a backend, read and written in Netty's own messages (no per-request
 * client objects). While an exchange uses it, that exchange hears its answer; idle, it waits in its pool.
 */
final class BackendConnection extends ChannelInboundHandlerAdapter {
    /** The exchange using the connection: it hears the answer, in order, on the connection's event loop. */
    interface User {
        /** The answer's status line and headers (a malformed answer arrives as {@link #broken()}). */
        void head(HttpResponse head);

        /** A part of the body; the user releases it. {@code last} ends the answer. */
        void content(HttpContent content, boolean last);

        /** What the connection had to read for now is read (the moment to flush what was written on). */
        default void readComplete() {
        }

        /** The connection can take more of the request's body. */
        void writable();

        /** The connection closed or broke before the answer ended. */
        void broken();
    }

    private final BackendPool.Backend backend;
    private Channel channel;
    private User user;
    private long idleSince;
    private boolean reused;

    BackendConnection(BackendPool.Backend backend) {
        this.backend = backend;
    }

    /** Hands the connection to {@code next}. */
    void use(User next) {
        user = next;
    }

    /** Whether the connection served an earlier exchange (it may have been closed by the backend meanwhile). */
    boolean reused() {
        return reused;
    }

    long idleSince() {
        return idleSince;
    }

    void idleSince(long nanos) {
        idleSince = nanos;
        reused = true;
    }

    Channel channel() {
        return channel;
    }

    boolean usable() {
        return channel != null && channel.isActive();
    }

    /** The exchange is over: keeps the connection for the next one when {@code reusable}, else closes it. */
    void giveBack(boolean reusable) {
        user = null;
        channel.config().setAutoRead(true);
        if (reusable && channel.isActive()) {
            backend.idle(this);
        } else {
            channel.close();
        }
    }

    /** The exchange is dropped halfway: the connection cannot be reused. */
    void cut() {
        user = null;
        channel.close();
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel(); // before the connect future completes, which happens before channelActive
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        User current = user;
        if (current == null) {
            ReferenceCountUtil.release(msg);
            ctx.close(); // an answer nobody asked for: the connection is out of step
            return;
        }
        if (msg instanceof HttpResponse head) {
            if (head.decoderResult().isFailure()) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            current.head(head);
        }
        if (msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                content.release();
                ctx.close();
                return;
            }
            current.content(content, msg instanceof LastHttpContent);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (user != null) {
            user.readComplete();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (user != null && ctx.channel().isWritable()) {
            user.writable();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        backend.closed(this);
        User current = user;
        user = null;
        if (current != null) {
            current.broken();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
