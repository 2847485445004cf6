package io.servicegroups.api.instances;

import io.quarkus.runtime.StartupEvent;
import io.servicegroups.api.config.SgConfig;
import io.servicegroups.persistence.InstanceRepository;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Moves draining instances to stopped when their deadline passes. Deadlines are stored, so the work survives
 * restarts: at start every pending deadline gets a timer again. A periodic sweep also catches deadlines set
 * by other replicas. The sweep is one idempotent UPDATE, safe to run anywhere, any number of times.
 */
@ApplicationScoped
public class DrainTimer {
    private static final Logger LOG = Logger.getLogger(DrainTimer.class);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Vertx vertx;
    private final InstanceRepository instances;
    private final Duration sweepInterval;

    public DrainTimer(Vertx vertx, InstanceRepository instances, SgConfig config) {
        this.vertx = vertx;
        this.instances = instances;
        this.sweepInterval = config.instances().drainSweepInterval();
    }

    /** Before the server takes requests, nothing overdue is left draining. */
    void resumeAtStart(@Observes StartupEvent event) {
        int stopped = instances.stopExpiredDrains(Instant.now()).await().atMost(STARTUP_TIMEOUT);
        if (stopped > 0) {
            LOG.infof("%d instance(s) whose drain expired while the server was down are now stopped", stopped);
        }
        instances.drainDeadlines().await().atMost(STARTUP_TIMEOUT).forEach(this::schedule);
        vertx.setPeriodic(sweepInterval.toMillis(), id -> sweep());
    }

    /** Stops what is overdue and sets a timer for every pending deadline. */
    public void resume() {
        sweep();
        instances.drainDeadlines().subscribe().with(deadlines -> deadlines.forEach(this::schedule),
                failure -> LOG.warnf("could not read drain deadlines: %s", failure.getMessage()));
    }

    /** A timer that stops the instances due at {@code deadline} (null: nothing to do). */
    public void schedule(Instant deadline) {
        if (deadline == null) {
            return;
        }
        long delay = Math.max(1, Duration.between(Instant.now(), deadline).toMillis() + 1);
        vertx.setTimer(delay, id -> sweep());
    }

    private void sweep() {
        instances.stopExpiredDrains(Instant.now()).subscribe().with(
                stopped -> {
                    if (stopped > 0) {
                        LOG.debugf("%d draining instance(s) stopped", stopped);
                    }
                },
                failure -> LOG.warnf("could not stop drained instances (retried at the next sweep): %s",
                        failure.getMessage()));
    }
}
