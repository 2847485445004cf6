package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.Db;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/** Racing creates: the database decides, exactly one wins and every other answers 23. */
@QuarkusTest
class ConcurrentCreateTest {
    private static final int RACERS = 16;

    @Inject
    Pool pool;
    private ExecutorService executor;

    @BeforeEach
    void startThreads() {
        executor = Executors.newFixedThreadPool(RACERS);
    }

    @AfterEach
    void stopThreads() {
        executor.shutdownNow();
    }

    @RepeatedTest(3)
    void parallelCreatesOfOneDnsNameByManyUsers() throws Exception {
        String label = unique("race");
        List<Integer> codes = race(i -> Map.of("dns_name", label, "services", List.of()),
                i -> i % 2 == 0 ? "racer" : "bob");
        assertThat(codes).filteredOn(code -> code == 0).hasSize(1);
        assertThat(codes).filteredOn(code -> code == 23).hasSize(RACERS - 1);
        assertThat(new Db(pool).count("select count(*) from service_group where fqdn = $1",
                label + ".fra0.kraft.host")).isEqualTo(1);
    }

    @RepeatedTest(3)
    void parallelCreatesOfOneNameByOneUser() throws Exception {
        String name = unique("same");
        List<Integer> codes = race(i -> Map.of("name", name, "services", List.of()), i -> "racer");
        assertThat(codes).filteredOn(code -> code == 0).hasSize(1);
        assertThat(codes).filteredOn(code -> code == 23).hasSize(RACERS - 1);
        assertThat(new Db(pool).count("select count(*) from service_group where owner = 'racer' and name = $1",
                name)).isEqualTo(1);
    }

    /** Starts all requests at once; answers each item's error code, 0 for success. */
    private List<Integer> race(java.util.function.IntFunction<Map<String, Object>> body,
                               java.util.function.IntFunction<String> user) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            int racer = i;
            Callable<Integer> call = () -> {
                start.await();
                Integer error = create(user.apply(racer), body.apply(racer)).extract()
                        .path("data.service_groups[0].error");
                return error == null ? 0 : error;
            };
            answers.add(executor.submit(call));
        }
        start.countDown();
        List<Integer> codes = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            codes.add(answer.get());
        }
        return codes;
    }
}
