package io.servicegroups.gateway;

import io.vertx.core.Handler;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import java.util.function.Supplier;

/**
 * A port with {@code tls} but no {@code http}: the TLS handshake (refused unless SNI names a routed group) is
 * terminated here; each connection goes to the least-connected running instance and bytes are copied both ways.
 * A backend that refuses is skipped once for another; with none left the client connection is closed.
 */
final class TcpForwarder implements Handler<NetSocket> {
    private final int port;
    private final Supplier<RoutingSnapshot> routes;
    private final NetClient client;
    private final WorkEnded ended;
    private final Fleet fleet;

    TcpForwarder(int port, Supplier<RoutingSnapshot> routes, NetClient client, WorkEnded ended, Fleet fleet) {
        this.port = port;
        this.routes = routes;
        this.client = client;
        this.ended = ended;
        this.fleet = fleet;
    }

    @Override
    public void handle(NetSocket socket) {
        Splice splice = Splice.accepted(socket);
        if (!fleet.closing().accepted(socket)) {
            return;
        }
        Route route = routes.get().route(port, ServerNameKeyManager.serverName(socket.sslSession()));
        Target target = route == null ? null : route.acquire(null);
        if (target == null) {
            if (route == null) {
                fleet.unrouted();
            }
            splice.refuse();
            return;
        }
        route.meters().connection();
        Work work = new Work(target, ended);
        boolean[] clientGone = new boolean[1];
        socket.closeHandler(v -> clientGone[0] = true);
        connect(splice, route, work, false, clientGone);
    }

    private void connect(Splice splice, Route route, Work work, boolean retried, boolean[] clientGone) {
        Target target = work.target();
        client.connect(target.socketAddress()).onComplete(ar -> {
            if (clientGone[0]) {
                if (ar.succeeded()) {
                    ar.result().close();
                }
                work.finish();
                return;
            }
            if (ar.failed()) {
                target.load().failed();
                route.meters().upstreamError();
                Target other = retried ? null : route.acquire(target);
                if (other == null) {
                    work.finish();
                    splice.refuse();
                    return;
                }
                work.moveTo(other);
                connect(splice, route, work, true, clientGone);
                return;
            }
            target.load().succeeded();
            long started = System.nanoTime();
            long[] bytes = new long[2];
            RouteMeters meters = route.meters();
            splice.counting(n -> {
                bytes[0] += n;
                meters.bytesIn(n);
            }, n -> {
                bytes[1] += n;
                meters.bytesOut(n);
            }).to(ar.result(), () -> {
                fleet.accessLog().tcp(route, target.instance(), bytes[0], bytes[1], System.nanoTime() - started);
                work.finish();
            });
        });
    }
}
