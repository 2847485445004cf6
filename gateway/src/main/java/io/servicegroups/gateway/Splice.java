package io.servicegroups.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;

/**
 * Copies bytes both ways between two sockets with back-pressure. Half-close is passed on: when one side has
 * sent everything (TCP FIN, or TLS close_notify), the other side's output is shut down once what was copied is
 * written, and the other direction goes on until it ends too. Then, or when either side fails, both close.
 */
final class Splice {
    private final NetSocket a;
    private final NetSocket b;
    private final Runnable closed;
    private boolean aDone;
    private boolean bDone;
    private boolean over;

    private Splice(NetSocket a, NetSocket b, Runnable closed) {
        this.a = a;
        this.b = b;
        this.closed = closed;
    }

    static void both(NetSocket a, NetSocket b, Runnable closed) {
        new Splice(a, b, closed).start();
    }

    private void start() {
        a.closeHandler(v -> closeBoth());
        b.closeHandler(v -> closeBoth());
        a.exceptionHandler(failure -> closeBoth());
        b.exceptionHandler(failure -> closeBoth());
        boolean halfClose = allowHalfClose(a) && allowHalfClose(b);
        if (halfClose) {
            ((NetSocketInternal) a).eventHandler(event -> onEvent(event, true));
            ((NetSocketInternal) b).eventHandler(event -> onEvent(event, false));
        }
        a.pipe().endOnComplete(!halfClose).endOnFailure(false).to(b);
        b.pipe().endOnComplete(!halfClose).endOnFailure(false).to(a);
    }

    private static boolean allowHalfClose(NetSocket socket) {
        if (socket instanceof NetSocketInternal internal
                && internal.channelHandlerContext().channel() instanceof DuplexChannel channel) {
            channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            return true;
        }
        return false;
    }

    private void onEvent(Object event, boolean fromA) {
        boolean inputEnded = event instanceof ChannelInputShutdownEvent
                || event == SslCloseCompletionEvent.SUCCESS;
        if (!inputEnded || over) {
            return;
        }
        if (fromA ? aDone : bDone) {
            return;
        }
        if (fromA) {
            aDone = true;
        } else {
            bDone = true;
        }
        NetSocket other = fromA ? b : a;
        other.write(Buffer.buffer()).onComplete(written -> {
            shutdownOutput(((NetSocketInternal) other).channelHandlerContext().channel());
            if (aDone && bDone) {
                closeBoth();
            }
        });
    }

    private static void shutdownOutput(Channel channel) {
        SslHandler tls = channel.pipeline().get(SslHandler.class);
        if (tls != null) {
            tls.closeOutbound().addListener(sent -> ((DuplexChannel) channel).shutdownOutput());
        } else {
            ((DuplexChannel) channel).shutdownOutput();
        }
    }

    private void closeBoth() {
        if (!over) {
            over = true;
            a.close();
            b.close();
            closed.run();
        }
    }
}
