package io.servicegroups.gateway;

import static io.servicegroups.gateway.Harness.group;
import static io.servicegroups.gateway.Harness.http;
import static io.servicegroups.gateway.Harness.running;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.ConcurrencyLimits;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The balancer on live loads: least outstanding, round-robin ties, hard limits under contention. */
class RouteTest {
    private final Loads loads = new Loads();

    private Route route(ConcurrencyLimits limits, int instances) {
        List<io.servicegroups.core.routing.RoutableGroup.Backend> backends = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
            backends.add(running("127.0.0." + (i + 2)));
        }
        return RoutingSnapshot.build(1, List.of(group("shop", List.of(http(80)), limits,
                backends.toArray(io.servicegroups.core.routing.RoutableGroup.Backend[]::new))), loads)
                .route(80, "shop.fra0.kraft.host");
    }

    @Test
    void idleTargetsTakeTurns() {
        Route route = route(ConcurrencyLimits.DEFAULT, 3);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            Target target = route.acquire(null);
            counts.merge(target.address(), 1, Integer::sum);
            target.load().release();
        }
        assertThat(counts.values()).containsOnly(10);
    }

    @Test
    void theLeastLoadedIsChosen() {
        Route route = route(ConcurrencyLimits.DEFAULT, 2);
        Target busy = route.targets().get(0);
        busy.load().tryAcquire(100);
        busy.load().tryAcquire(100);
        for (int i = 0; i < 4; i++) {
            Target chosen = route.acquire(null);
            assertThat(chosen.address()).isEqualTo("127.0.0.3");
            chosen.load().release();
        }
    }

    @Test
    void theExcludedTargetIsNotChosenAgain() {
        Route route = route(ConcurrencyLimits.DEFAULT, 2);
        Target first = route.targets().get(0);
        assertThat(route.acquire(first).address()).isEqualTo("127.0.0.3");
        assertThat(route(ConcurrencyLimits.DEFAULT, 1).acquire(null)).isNotNull();
    }

    @Test
    void noTargetsGiveNull() {
        assertThat(route(ConcurrencyLimits.DEFAULT, 0).acquire(null)).isNull();
    }

    @Test
    void theHardLimitHoldsUnderConcurrentAcquires() throws Exception {
        Route route = route(new ConcurrencyLimits(1, 5), 2);
        AtomicInteger granted = new AtomicInteger();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            Thread thread = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < 100; i++) {
                    if (route.acquire(null) != null) {
                        granted.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(granted.get()).isEqualTo(10);
        assertThat(route.targets()).allSatisfy(t -> assertThat(t.load().get()).isEqualTo(5));
    }
}
