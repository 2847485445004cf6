package io.servicegroups.gateway;

import io.servicegroups.core.routing.ListenerMode;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps one listener per published port: opened when the first group publishes it, closed when the last one
 * stops. A port that cannot be bound is logged once and tried again every {@code bind-retry-interval}; the rest
 * of the application goes on serving.
 */
final class Listeners implements Consumer<RoutingSnapshot> {
    private static final Logger LOG = Logger.getLogger(Listeners.class);
    private static final int MAX_PORT = 65535;

    private final Vertx vertx;
    private final PortVerticle.Setup setup;
    private final int instances;
    private final Map<Integer, Listener> listeners = new HashMap<>();
    private Map<Integer, ListenerMode> wanted = Map.of();
    private long retryTimer = -1;
    private boolean closed;

    private static final class Listener {
        final ListenerMode mode;
        String deployment;
        boolean starting;
        boolean failing;

        Listener(ListenerMode mode) {
            this.mode = mode;
        }
    }

    Listeners(Vertx vertx, PortVerticle.Setup setup, int instances) {
        this.vertx = vertx;
        this.setup = setup;
        this.instances = instances;
        long interval = Math.max(100, setup.config().bindRetryInterval().toMillis());
        retryTimer = vertx.setPeriodic(interval, id -> retryFailed());
    }

    @Override
    public synchronized void accept(RoutingSnapshot snapshot) {
        if (closed) {
            return;
        }
        wanted = snapshot.ports();
        for (Map.Entry<Integer, ListenerMode> port : wanted.entrySet()) {
            Listener listener = listeners.get(port.getKey());
            if (listener == null) {
                listener = new Listener(port.getValue());
                listeners.put(port.getKey(), listener);
                open(port.getKey(), listener);
            }
        }
        for (Integer port : new ArrayList<>(listeners.keySet())) {
            if (!wanted.containsKey(port)) {
                Listener listener = listeners.get(port);
                if (!listener.starting) {
                    listeners.remove(port);
                    close(port, listener);
                }
            }
        }
    }

    /** The ports listening now, as published ports. */
    synchronized List<Integer> open() {
        List<Integer> open = new ArrayList<>();
        listeners.forEach((port, listener) -> {
            if (listener.deployment != null) {
                open.add(port);
            }
        });
        return open;
    }

    private void open(int port, Listener listener) {
        if (port + setup.offset() > MAX_PORT) {
            if (!listener.failing) {
                listener.failing = true;
                LOG.errorf("gateway: published port %d cannot listen: %d + port offset %d is beyond %d", port, port,
                        setup.offset(), MAX_PORT);
            }
            return;
        }
        listener.starting = true;
        vertx.deployVerticle(() -> new PortVerticle(port, listener.mode, setup),
                new DeploymentOptions().setInstances(instances)).onComplete(ar -> opened(port, listener,
                ar.succeeded() ? ar.result() : null, ar.cause()));
    }

    private synchronized void opened(int port, Listener listener, String deployment, Throwable failure) {
        listener.starting = false;
        int listenPort = port + setup.offset();
        if (deployment == null) {
            if (!listener.failing) {
                listener.failing = true;
                LOG.errorf("gateway: cannot listen on %s:%d for published port %d (%s); trying again every %s",
                        setup.host(), listenPort, port, failure.getMessage(), setup.config().bindRetryInterval());
            }
        } else {
            listener.deployment = deployment;
            if (listener.failing) {
                LOG.infof("gateway: listening on %s:%d for published port %d at last", setup.host(), listenPort, port);
            } else {
                LOG.infof("gateway: listening on %s:%d for published port %d (%s)", setup.host(), listenPort, port,
                        listener.mode);
            }
            listener.failing = false;
        }
        if (closed || !wanted.containsKey(port)) {
            listeners.remove(port, listener);
            close(port, listener);
        }
    }

    private synchronized void retryFailed() {
        listeners.forEach((port, listener) -> {
            if (listener.failing && !listener.starting && listener.deployment == null && wanted.containsKey(port)) {
                open(port, listener);
            }
        });
    }

    private void close(int port, Listener listener) {
        if (listener.deployment != null) {
            String deployment = listener.deployment;
            listener.deployment = null;
            vertx.undeploy(deployment).onComplete(ar -> LOG.infof("gateway: closed published port %d", port));
        }
    }

    /** Closes every listener; the future completes when they are closed. */
    synchronized Future<Void> closeAll() {
        closed = true;
        vertx.cancelTimer(retryTimer);
        List<Future<Void>> undeployed = new ArrayList<>();
        listeners.forEach((port, listener) -> {
            if (listener.deployment != null) {
                undeployed.add(vertx.undeploy(listener.deployment));
                listener.deployment = null;
            }
        });
        listeners.clear();
        return Future.join(undeployed).mapEmpty();
    }
}
