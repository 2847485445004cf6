package io.servicegroups.persistence;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes the change events that the triggers queue in {@code change_outbox} (migration V4) as
 * {@code NOTIFY sg_changes} (in queue order within a batch) once their changes have committed. A unit of work
 * asks for it right after its commit ({@link #publishSoon}); a timer every {@code sg.changes.relay-interval}
 * publishes what other writers queued (SQL by hand, a replica that died before publishing). One statement takes a
 * batch out of the queue and notifies; replicas skip each other's locked rows, so each event is published once.
 */
@ApplicationScoped
public class ChangeRelay {
    static final int BATCH = 500;
    private static final Logger LOG = Logger.getLogger(ChangeRelay.class);
    private static final String PUBLISH = "with batch as (delete from change_outbox where id in"
            + " (select id from change_outbox order by id limit " + BATCH + " for update skip locked)"
            + " returning id, payload)"
            + " select count(pg_notify('" + ChangeFeed.CHANNEL + "', b.payload))"
            + " from (select id, payload from batch order by id) b";
    private static final int IDLE = 0;
    private static final int RUNNING = 1;
    private static final int AGAIN = 2;

    private final Pool pool;
    private final Vertx vertx;
    private final Duration interval;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private volatile long timer = -1;
    private volatile boolean stopped;

    public ChangeRelay(Pool pool, Vertx vertx,
                       @ConfigProperty(name = "sg.changes.relay-interval", defaultValue = "200ms") Duration interval) {
        this.pool = pool;
        this.vertx = vertx;
        this.interval = interval;
    }

    void start(@Observes StartupEvent event) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> publishSoon());
        publishSoon();
    }

    /** No publication starts after shutdown: one in flight when Vert.x closes fails noisily in Netty. */
    void stop(@Observes ShutdownEvent event) {
        stopped = true;
        vertx.cancelTimer(timer);
    }

    /** Publishes what is queued now; asked while a publication runs, it runs once more after it. */
    public void publishSoon() {
        if (stopped) {
            return;
        }
        if (state.getAndUpdate(s -> s == IDLE ? RUNNING : AGAIN) == IDLE) {
            publish();
        }
    }

    private void publish() {
        pool.preparedQuery(PUBLISH).execute()
                .map(rows -> rows.iterator().next().getLong(0))
                .subscribe().with(this::published, failure -> {
                    LOG.debugf("change events not published yet (%s); the next run retries", failure.getMessage());
                    published(0L);
                });
    }

    private void published(long count) {
        if (stopped) {
            state.set(IDLE);
            return;
        }
        if (count >= BATCH || state.getAndUpdate(s -> s == AGAIN ? RUNNING : IDLE) == AGAIN) {
            publish();
        }
    }
}
