package io.servicegroups.gateway;

import io.servicegroups.core.routing.ListenerMode;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.impl.Http1xServerConnection;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;
import io.vertx.core.net.KeyCertOptions;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SSLEngineOptions;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * One listener of one published port on one event loop (Vert.x spreads a port's connections over its
 * instances), with its own keep-alive pool to the backends.
 */
final class PortVerticle extends AbstractVerticle {
    /** What every listener shares. */
    record Setup(String host, int offset, Supplier<RoutingSnapshot> routes, X509ExtendedKeyManager keys,
                 GatewayConfig config, WorkEnded ended, Fleet fleet) {
        Setup(String host, int offset, Supplier<RoutingSnapshot> routes, X509ExtendedKeyManager keys,
              GatewayConfig config, WorkEnded ended) {
            this(host, offset, routes, keys, config, ended, Fleet.standalone());
        }
    }

    private static final int MAX_CONNECTIONS_PER_BACKEND = 1024;
    /** The name of Vert.x's own handler in an HTTP/1 connection's pipeline (Vert.x 4.5); absent: no fast path. */
    private static final String VERTX_HANDLER = "handler";

    private final int port;
    private final ListenerMode mode;
    private final Setup setup;
    private BackendPool pool;

    PortVerticle(int port, ListenerMode mode, Setup setup) {
        this.port = port;
        this.mode = mode;
        this.setup = setup;
    }

    @Override
    public void start(Promise<Void> started) {
        int listenPort = port + setup.offset();
        if (mode.http()) {
            HttpServerOptions options = new HttpServerOptions().setHost(setup.host()).setPort(listenPort)
                    .setHandle100ContinueAutomatically(true).setTcpNoDelay(true);
            if (mode.tls()) {
                options.setSsl(true).setKeyCertOptions(keys()).setSslEngineOptions(httpsEngine()).setUseAlpn(true)
                        .setAlpnVersions(List.of(HttpVersion.HTTP_2, HttpVersion.HTTP_1_1));
            }
            HttpClient upgrades = vertx.createHttpClient(new HttpClientOptions()
                    .setProtocolVersion(HttpVersion.HTTP_1_1).setKeepAlive(true)
                    .setKeepAliveTimeout((int) Math.max(1, setup.config().backendIdleTimeout().toSeconds()))
                    .setConnectTimeout((int) setup.config().connectTimeout().toMillis()).setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_BACKEND));
            pool = new BackendPool((VertxInternal) vertx, ((ContextInternal) context).nettyEventLoop(),
                    setup.config().connectTimeout(), setup.config().backendIdleTimeout(), MAX_CONNECTIONS_PER_BACKEND);
            Closing closing = setup.fleet().closing();
            HttpListener listener = new HttpListener(port, mode.tls(), setup.routes(), pool, setup.ended(),
                    setup.fleet());
            boolean fastPath = setup.config().http1FastPath();
            vertx.createHttpServer(options).connectionHandler(connection -> {
                        if (closing.accepted(connection) && fastPath
                                && connection instanceof Http1xServerConnection http1
                                && http1.channelHandlerContext().pipeline().get(VERTX_HANDLER) != null) {
                            http1.channelHandlerContext().pipeline().addBefore(VERTX_HANDLER, "sg-http1",
                                    new Http1Forwarder(listener, connection));
                        }
                    })
                    .requestHandler(new HttpForwarder(listener, upgrades))
                    .listen().<Void>mapEmpty().onComplete(started);
        } else {
            NetServerOptions options = new NetServerOptions().setHost(setup.host()).setPort(listenPort)
                    .setSsl(true).setKeyCertOptions(keys()).setSslEngineOptions(TlsEngine.JDK.options())
                    .setTcpNoDelay(true);
            var client = vertx.createNetClient(new NetClientOptions()
                    .setConnectTimeout((int) setup.config().connectTimeout().toMillis()).setTcpNoDelay(true));
            vertx.createNetServer(options)
                    .connectHandler(new TcpForwarder(port, setup.routes(), client, setup.ended(), setup.fleet()))
                    .listen().<Void>mapEmpty().onComplete(started);
        }
    }

    @Override
    public void stop() {
        if (pool != null) {
            pool.close();
        }
    }

    /**
     * The configured engine on HTTPS ports. Ports without {@code http} always use the JDK's: Netty's OpenSSL engine
     * answers a client's close_notify by closing its own side too, which would cut a half-closed connection's answer.
     */
    private SSLEngineOptions httpsEngine() {
        return setup.config().tls().engine().available().options();
    }

    private KeyCertOptions keys() {
        Supplier<RoutingSnapshot> routes = setup.routes();
        return KeyCertOptions.wrap(new ServerNameKeyManager(setup.keys(), name -> routes.get().route(port, name) != null));
    }
}
