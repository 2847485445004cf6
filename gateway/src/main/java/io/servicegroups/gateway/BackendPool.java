package io.servicegroups.gateway;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.util.NetUtil;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive HTTP/1.1 connections to the backends, owned by one event loop (one per listener verticle, so a
 * request and its backend connection share a thread). An idle connection is taken without waiting; at most
 * {@code maxPerBackend} are open to one backend, further requests wait for one to come back.
 */
final class BackendPool {
    /** Someone waiting for a connection: told once, on the pool's event loop. */
    interface Waiter {
        void acquired(BackendConnection connection);

        void failed(Throwable cause);
    }

    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_SIZE = 8192;
    private static final int MAX_CHUNK_SIZE = 8192;

    private final Bootstrap bootstrap;
    private final long idleNanos;
    private final ScheduledFuture<?> sweeper;
    private final int maxPerBackend;
    private final Map<SocketAddress, Backend> backends = new HashMap<>();
    private boolean closed;

    BackendPool(VertxInternal vertx, EventLoop loop, Duration connectTimeout, Duration idleTimeout, int maxPerBackend) {
        this.bootstrap = new Bootstrap().group(loop).channelFactory(vertx.transport().channelFactory(false))
                .resolver(vertx.nettyAddressResolverGroup())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
        this.idleNanos = idleTimeout.toNanos();
        this.maxPerBackend = maxPerBackend;
        long period = Math.max(100, idleTimeout.toMillis() / 4);
        this.sweeper = loop.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.MILLISECONDS);
    }

    /** Hands {@code waiter} a connection to {@code target}: at once when one is idle, else when connected. */
    void acquire(Target target, Waiter waiter) {
        backend(target).acquire(waiter);
    }

    /** Hands {@code waiter} a new connection to {@code target}, not an idle one. */
    void acquireNew(Target target, Waiter waiter) {
        backend(target).connect(waiter); // one retry: it may go one over the limit for a moment
    }

    private Backend backend(Target target) {
        Backend backend = backends.get(target.socketAddress());
        if (backend == null) {
            backend = new Backend(target);
            backends.put(target.socketAddress(), backend);
        }
        return backend;
    }

    /** Closes the connections idle for longer than the idle timeout (the oldest wait at the head of each queue). */
    private void closeIdle() {
        long now = System.nanoTime();
        for (Backend backend : new ArrayList<>(backends.values())) {
            BackendConnection oldest;
            while ((oldest = backend.idle.peekFirst()) != null && now - oldest.idleSince() >= idleNanos) {
                backend.idle.pollFirst();
                oldest.channel().close();
            }
        }
    }

    /** Closes every connection (the listener stops). */
    void close() {
        closed = true;
        sweeper.cancel(false);
        for (Backend backend : new ArrayList<>(backends.values())) {
            for (Channel channel : new ArrayList<>(backend.open)) { // idle ones included
                channel.close();
            }
        }
    }

    /** The connections to one {@code address:port}. */
    final class Backend {
        private final SocketAddress key;
        private final InetSocketAddress address;
        private final ArrayDeque<BackendConnection> idle = new ArrayDeque<>();
        private final ArrayDeque<Waiter> waiting = new ArrayDeque<>();
        private final java.util.Set<Channel> open = new java.util.HashSet<>();
        private int connecting;

        Backend(Target target) {
            this.key = target.socketAddress();
            byte[] literal = NetUtil.createByteArrayFromIpAddressString(target.address());
            InetSocketAddress resolved = null;
            if (literal != null) {
                try {
                    resolved = new InetSocketAddress(InetAddress.getByAddress(literal), target.port());
                } catch (java.net.UnknownHostException impossible) {
                    resolved = null;
                }
            }
            this.address = resolved != null ? resolved : InetSocketAddress.createUnresolved(target.address(), target.port());
        }

        void acquire(Waiter waiter) {
            BackendConnection connection;
            while ((connection = idle.pollLast()) != null) {
                if (connection.usable()) {
                    waiter.acquired(connection);
                    return;
                }
            }
            if (open.size() + connecting >= maxPerBackend) {
                waiting.add(waiter);
                return;
            }
            connect(waiter);
        }

        private void connect(Waiter waiter) {
            if (closed) {
                waiter.failed(new IllegalStateException("the listener is closed"));
                return;
            }
            connecting++;
            BackendConnection connection = new BackendConnection(this);
            bootstrap.clone().handler(new ChannelInitializer<>() {
                @Override
                protected void initChannel(Channel channel) {
                    channel.pipeline().addLast(
                            new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE, false, false),
                            connection);
                }
            }).connect(address).addListener((ChannelFuture future) -> {
                connecting--;
                if (future.isSuccess()) {
                    open.add(future.channel());
                    waiter.acquired(connection);
                } else {
                    waiter.failed(future.cause());
                    serveWaiting();
                }
            });
        }

        /** A connection is free again: to the first waiter, else idle. */
        void idle(BackendConnection connection) {
            Waiter next = waiting.poll();
            if (next != null) {
                next.acquired(connection);
            } else if (closed) {
                connection.channel().close();
            } else {
                connection.idleSince(System.nanoTime());
                idle.addLast(connection);
            }
        }

        void closed(BackendConnection connection) {
            open.remove(connection.channel());
            idle.remove(connection);
            serveWaiting();
            if (open.isEmpty() && connecting == 0 && waiting.isEmpty()) {
                backends.remove(key, this);
            }
        }

        private void serveWaiting() {
            if (!waiting.isEmpty() && open.size() + connecting < maxPerBackend) {
                connect(waiting.poll());
            }
        }
    }
}
