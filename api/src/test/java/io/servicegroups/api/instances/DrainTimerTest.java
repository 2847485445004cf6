package io.servicegroups.api.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Api;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What a restart finds: draining instances stored with their deadlines. {@link DrainTimer#resume()} is what
 * every start runs before taking requests; the test profile sets the periodic sweep to an hour, so only
 * resume() and its timers can stop them here. (scripts/smoke-test.sh restarts the real fast-jar during a drain.)
 */
@QuarkusTest
class DrainTimerTest {
    @Inject
    Pool pool;
    @Inject
    DrainTimer drains;

    private UUID drainingInstance(OffsetDateTime deadline) {
        UUID id = UUID.randomUUID();
        new Db(pool).query("insert into instance (id, owner, name, address, state, drain_deadline, created_at)"
                        + " values ($1, 'alice', $2, '10.13.0.1', 'draining', $3, now())",
                id, Api.unique("drain"), deadline);
        return id;
    }

    private String state(UUID id) {
        return new Db(pool).query("select state from instance where id = $1", id).iterator().next().getString(0);
    }

    @Test
    void overdueDrainsStopWhenResumed() throws InterruptedException {
        UUID overdue = drainingInstance(OffsetDateTime.now().minusMinutes(5));
        UUID pending = drainingInstance(OffsetDateTime.now().plusHours(1));
        drains.resume().await().atMost(java.time.Duration.ofSeconds(10));
        assertThat(state(overdue)).isEqualTo("stopped");
        assertThat(state(pending)).isEqualTo("draining");
    }

    @Test
    void pendingDrainsGetTimersWhenResumed() throws InterruptedException {
        UUID soon = drainingInstance(OffsetDateTime.now().plusSeconds(3));
        drains.resume().await().atMost(java.time.Duration.ofSeconds(10));
        assertThat(state(soon)).isEqualTo("draining");
        awaitState(soon, "stopped", 8_000);
    }

    private void awaitState(UUID id, String expected, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline && !expected.equals(state(id))) {
            Thread.sleep(50);
        }
        assertThat(state(id)).isEqualTo(expected);
    }
}
