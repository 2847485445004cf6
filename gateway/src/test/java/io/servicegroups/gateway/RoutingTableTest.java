package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.RoutableGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Full and partial reads, and the last snapshot kept while the database cannot be read. */
class RoutingTableTest {
    private final Vertx vertx = Vertx.vertx();
    private volatile List<RoutableGroup> stored = List.of();
    private final AtomicBoolean databaseDown = new AtomicBoolean();
    private final AtomicInteger fullReads = new AtomicInteger();
    private final List<List<UUID>> partialReads = new CopyOnWriteArrayList<>();
    private final RoutingTable table = new RoutingTable(vertx, () -> {
        fullReads.incrementAndGet();
        return read(stored);
    }, ids -> {
        partialReads.add(new ArrayList<>(ids));
        return read(stored.stream().filter(g -> ids.contains(g.uuid())).toList());
    }, new Loads());

    private Uni<List<RoutableGroup>> read(List<RoutableGroup> groups) {
        return databaseDown.get() ? Uni.createFrom().failure(new IllegalStateException("connection refused"))
                : Uni.createFrom().item(groups);
    }

    @AfterEach
    void close() {
        table.stop();
        vertx.close();
    }

    private static RoutableGroup group(String label) {
        return Harness.group(label, List.of(Harness.http(8080)), ConcurrencyLimits.DEFAULT);
    }

    @Test
    void aChangedGroupIsReadAloneAndAddedUpdatedOrRemoved() {
        RoutableGroup shop = group("shop");
        RoutableGroup blog = group("blog");
        stored = List.of(shop, blog);
        table.reload();
        Harness.awaitTrue(() -> table.get().route(80, "blog.fra0.kraft.host") != null, "full read");
        assertThat(fullReads.get()).isEqualTo(1);

        stored = List.of(shop);
        table.changed(blog.uuid());
        Harness.awaitTrue(() -> table.get().route(80, "blog.fra0.kraft.host") == null, "blog gone");
        assertThat(table.get().route(80, "shop.fra0.kraft.host")).isNotNull();

        RoutableGroup news = group("news");
        stored = List.of(shop, news);
        table.changed(news.uuid());
        Harness.awaitTrue(() -> table.get().route(80, "news.fra0.kraft.host") != null, "news added");
        assertThat(partialReads).containsExactly(List.of(blog.uuid()), List.of(news.uuid()));
        assertThat(fullReads.get()).isEqualTo(1);
        assertThat(table.get().version()).isEqualTo(3);
    }

    @Test
    void theLastSnapshotStaysWhileTheDatabaseCannotBeReadAndChangesArriveAfterwards() {
        RoutableGroup shop = group("shop");
        stored = List.of(shop);
        table.reload();
        Harness.awaitTrue(() -> table.get().version() == 1, "first read");

        databaseDown.set(true);
        RoutableGroup news = group("news");
        stored = List.of(shop, news);
        table.changed(news.uuid());
        table.reload();
        Harness.awaitTrue(() -> fullReads.get() + partialReads.size() >= 2, "a failed read");
        assertThat(table.get().route(80, "shop.fra0.kraft.host")).isNotNull();
        assertThat(table.get().version()).isEqualTo(1);

        databaseDown.set(false);
        Harness.awaitTrue(() -> table.get().route(80, "news.fra0.kraft.host") != null, "read again after the outage");
        assertThat(table.get().route(80, "shop.fra0.kraft.host")).isNotNull();
    }
}
