package io.servicegroups.persistence;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Follows the change events ({@code NOTIFY sg_changes}, published by {@link ChangeRelay}) on a connection of
 * its own, reconnecting after a second when it drops. {@code onListening} runs each time the channel is
 * (re)subscribed — the moment to read the full state — and {@code onChange} for every event.
 */
@ApplicationScoped
public class ChangeFeed {
    public static final String CHANNEL = "sg_changes";
    /** The PostgreSQL {@code application_name} of the change-event connection: one per live gateway replica. */
    public static final String APPLICATION_NAME = "servicegroups-gateway";
    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Vertx vertx;
    private final String url;
    private PgSubscriber subscriber;

    public ChangeFeed(Vertx vertx, @ConfigProperty(name = "quarkus.datasource.reactive.url") String url) {
        this.vertx = vertx;
        this.url = url;
    }

    public synchronized void start(Runnable onListening, java.util.function.Consumer<String> onChange) {
        if (subscriber != null) {
            return;
        }
        AtomicBoolean lost = new AtomicBoolean();
        subscriber = PgSubscriber.subscriber(vertx, PgConnectOptions.fromUri(url).setConnectTimeout(5000)
                        .addProperty("application_name", APPLICATION_NAME))
                .reconnectPolicy(attempt -> RECONNECT_DELAY_MS);
        subscriber.closeHandler(v -> {
            if (lost.compareAndSet(false, true)) {
                LOG.warn("lost the change-event connection to PostgreSQL; reconnecting every second");
            }
        });
        subscriber.channel(CHANNEL)
                .subscribeHandler(v -> {
                    if (lost.compareAndSet(true, false)) {
                        LOG.info("change events followed again");
                    }
                    onListening.run();
                })
                .handler(onChange::accept);
        connect();
    }

    private void connect() {
        PgSubscriber current = subscriber;
        if (current == null) {
            return;
        }
        current.connect().onFailure(failure -> {
            LOG.debugf("change-event connection failed (%s); retrying", failure.getMessage());
            vertx.setTimer(RECONNECT_DELAY_MS, id -> {
                if (subscriber == current && current.closed()) {
                    connect();
                }
            });
        });
    }

    public synchronized void stop() {
        if (subscriber != null) {
            subscriber.close();
            subscriber = null;
        }
    }
}
