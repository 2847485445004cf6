package io.servicegroups.gateway;

import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.ssl.SslCloseCompletionEvent;
import io.netty.handler.ssl.SslHandler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.impl.NetSocketInternal;
import java.util.function.LongConsumer;

/**
 * Copies bytes both ways between a client and a backend socket with back-pressure. Half-close is passed on:
 * when one side has sent everything (TCP FIN, or TLS close_notify), the other side's output is shut down once
 * every byte read before it is written, and the other direction goes on until it ends too. Then, or when either
 * side fails or closes, both close. Created when the client connects, so that an early end is not lost.
 */
final class Splice {
    private final Side client;
    private Side backend;
    private Runnable closed = () -> { };
    private boolean over;
    private LongConsumer fromClient = bytes -> { };
    private LongConsumer fromBackend = bytes -> { };

    /** One socket and what is known of its input. */
    private final class Side {
        final NetSocket socket;
        final boolean halfClose;
        boolean paused;
        boolean inputEnded;
        boolean forwardedEnd;

        Side(NetSocket socket) {
            this.socket = socket;
            this.halfClose = allowHalfClose(socket);
            if (halfClose) {
                ((NetSocketInternal) socket).eventHandler(event -> {
                    if (event instanceof ChannelInputShutdownEvent || event == SslCloseCompletionEvent.SUCCESS) {
                        inputEnded = true;
                        forwardEndLater(this);
                    }
                });
            }
        }
    }

    private Splice(NetSocket clientSocket) {
        this.client = new Side(clientSocket);
        client.paused = true;
        clientSocket.pause();
    }

    /** Takes over a client connection (paused until {@link #to}). */
    static Splice accepted(NetSocket clientSocket) {
        return new Splice(clientSocket);
    }

    /** Tells {@code in} and {@code out} how many bytes came from the client and from the backend, per chunk. */
    Splice counting(LongConsumer in, LongConsumer out) {
        fromClient = in;
        fromBackend = out;
        return this;
    }

    /** Starts copying between the client and {@code backendSocket}; {@code onClosed} runs once at the end. */
    void to(NetSocket backendSocket, Runnable onClosed) {
        backend = new Side(backendSocket);
        closed = onClosed;
        for (Side side : new Side[] {client, backend}) {
            side.socket.closeHandler(v -> closeBoth());
            side.socket.exceptionHandler(failure -> closeBoth());
        }
        if (!client.halfClose || !backend.halfClose) {
            client.socket.endHandler(v -> closeBoth());
            backend.socket.endHandler(v -> closeBoth());
        }
        pump(client, backend);
        pump(backend, client);
        client.paused = false;
        client.socket.resume();
        forwardEndLater(client);
    }

    /** Closes the client connection (no backend could be reached). */
    void refuse() {
        over = true;
        client.socket.close();
    }

    private void pump(Side from, Side to) {
        LongConsumer counter = from == client ? fromClient : fromBackend;
        from.socket.handler(chunk -> {
            counter.accept(chunk.length());
            to.socket.write(chunk);
            if (to.socket.writeQueueFull() && !from.paused) {
                from.paused = true;
                from.socket.pause();
                to.socket.drainHandler(v -> {
                    from.paused = false;
                    from.socket.resume();
                    forwardEndLater(from);
                });
            }
        });
    }

    /**
     * Passes {@code from}'s end on, after the data Vert.x still holds for it: that is delivered by a task queued
     * on the same event loop when the socket resumes, so the end goes in a task queued after it.
     */
    private void forwardEndLater(Side from) {
        if (!from.inputEnded || from.forwardedEnd || backend == null) {
            return;
        }
        Vertx.currentContext().runOnContext(v -> {
            if (over || from.paused || from.forwardedEnd) {
                return;
            }
            from.forwardedEnd = true;
            Side to = from == client ? backend : client;
            to.socket.write(Buffer.buffer()).onComplete(written -> {
                shutdownOutput(((NetSocketInternal) to.socket).channelHandlerContext().channel());
                if (client.forwardedEnd && backend.forwardedEnd) {
                    closeBoth();
                }
            });
        });
    }

    private static boolean allowHalfClose(NetSocket socket) {
        if (socket instanceof NetSocketInternal internal
                && internal.channelHandlerContext().channel() instanceof DuplexChannel channel) {
            channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            return true;
        }
        return false;
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
            client.socket.close();
            if (backend != null) {
                backend.socket.close();
            }
            closed.run();
        }
    }
}
