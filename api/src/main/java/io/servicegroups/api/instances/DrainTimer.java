package io.servicegroups.api.instances;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.servicegroups.api.config.SgConfig;
import io.servicegroups.persistence.InstanceRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Moves draining instances to stopped when their deadline passes. Deadlines are stored, so the work survives
 * restarts: {@link #resume()} runs before the server takes requests, stops what expired while it was down and
 * sets a timer for every pending deadline. A periodic sweep also catches deadlines set by other replicas. The
 * sweep is one idempotent UPDATE, safe to run anywhere, any number of times. Timers are cancelled at shutdown
 * (dev-mode live reload keeps the same Vert.x).
 */
@ApplicationScoped
public class DrainTimer {
    private static final Logger LOG = Logger.getLogger(DrainTimer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final InstanceRepository instances;
    private final Duration sweepInterval;
    private final Set<Long> timers = ConcurrentHashMap.newKeySet();

    public DrainTimer(Vertx vertx, InstanceRepository instances, SgConfig config) {
        this.vertx = vertx;
        this.instances = instances;
        this.sweepInterval = config.instances().drainSweepInterval();
    }

    void start(@Observes StartupEvent event) {
        resume().await().atMost(STARTUP_TIMEOUT);
        timers.add(vertx.setPeriodic(sweepInterval.toMillis(), id -> sweep()));
    }

    void stop(@Observes ShutdownEvent event) {
        timers.forEach(vertx::cancelTimer);
        timers.clear();
    }

    /** Stops what is overdue, then sets a timer for every pending deadline. */
    public Uni<Void> resume() {
        return instances.stopExpiredDrains(Instant.now())
                .invoke(stopped -> {
                    if (stopped > 0) {
                        LOG.infof("%d instance(s) whose drain had expired are now stopped", stopped);
                    }
                })
                .chain(stopped -> instances.drainDeadlines())
                .invoke(deadlines -> deadlines.forEach(this::schedule))
                .replaceWithVoid();
    }

    /** A timer that stops the instances due at {@code deadline} (null: nothing to do). */
    public void schedule(Instant deadline) {
        if (deadline == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), deadline).toMillis() + 1);
        long[] id = new long[1];
        id[0] = vertx.setTimer(delay, fired -> {
            timers.remove(id[0]);
            sweep();
        });
        timers.add(id[0]);
    }

    private void sweep() {
        instances.stopExpiredDrains(Instant.now()).subscribe().with(
                stopped -> LOG.debugf("%d draining instance(s) stopped", stopped),
                failure -> LOG.warnf("could not stop drained instances (retried at the next sweep): %s",
                        failure.getMessage()));
    }
}
