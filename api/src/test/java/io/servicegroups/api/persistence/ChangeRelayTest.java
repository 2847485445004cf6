package io.servicegroups.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.ChangeListener;
import io.servicegroups.api.support.Db;
import io.servicegroups.persistence.ChangeRelay;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Queued change events leave the outbox as notifications: also those no unit of work announced, each once. */
@QuarkusTest
class ChangeRelayTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;
    @Inject
    Pool pool;
    @Inject
    Vertx vertx;
    @Inject
    ChangeRelay relay;
    private ChangeListener listener;

    @BeforeEach
    void listen() throws Exception {
        listener = new ChangeListener(url);
    }

    @AfterEach
    void close() throws Exception {
        listener.close();
    }

    @Test
    void anEventQueuedByHandIsPublishedByTheTimer() throws Exception {
        String marker = UUID.randomUUID().toString();
        new Db(pool).query("insert into change_outbox (payload) values ($1)", "{\"test\":\"" + marker + "\"}");
        Map<String, Integer> seen = receive(marker, 1, Duration.ofSeconds(5));
        assertThat(seen).hasSize(1);
        assertThat(new Db(pool).count("select count(*) from change_outbox where payload like $1", "%" + marker + "%"))
                .isZero();
    }

    @Test
    void twoRelaysPublishEveryEventOnce() throws Exception {
        String marker = UUID.randomUUID().toString();
        int events = 1_700;
        new Db(pool).query("insert into change_outbox (payload) select '{\"test\":\"" + marker + "\",\"n\":' || n || '}'"
                + " from generate_series(1, $1) n", events);
        ChangeRelay other = new ChangeRelay(pool, vertx, Duration.ofHours(1));
        Thread racer = new Thread(() -> {
            for (int i = 0; i < 20; i++) {
                other.publishSoon();
                relay.publishSoon();
            }
        });
        racer.start();
        for (int i = 0; i < 20; i++) {
            relay.publishSoon();
            other.publishSoon();
        }
        racer.join();
        Map<String, Integer> seen = receive(marker, events, Duration.ofSeconds(10));
        assertThat(seen).hasSize(events);
        assertThat(seen.values()).allMatch(times -> times == 1);
    }

    /** Payloads carrying {@code marker}, counted, until {@code expected} differ (or the time is up), and late repeats. */
    private Map<String, Integer> receive(String marker, int expected, Duration patience) throws Exception {
        Map<String, Integer> seen = new HashMap<>();
        Predicate<String> count = payload -> {
            if (payload.contains(marker)) {
                seen.merge(payload, 1, Integer::sum);
            }
            return seen.size() >= expected;
        };
        listener.until(count, patience);
        listener.until(payload -> {
            count.test(payload);
            return false;
        }, Duration.ofMillis(500));
        return seen;
    }
}
