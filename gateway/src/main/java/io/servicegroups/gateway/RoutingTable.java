package io.servicegroups.gateway;

import io.servicegroups.core.routing.RoutableGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link RoutingSnapshot} and replaces it whole when told that something changed. Reloads are
 * coalesced: changes that arrive during a reload cause exactly one more. When the database cannot be read the
 * last snapshot stays in use and the reload is tried again every second.
 */
final class RoutingTable implements Supplier<RoutingSnapshot> {
    private static final Logger LOG = Logger.getLogger(RoutingTable.class);
    private static final long RETRY_MS = 1000;

    private final Vertx vertx;
    private final Supplier<Uni<List<RoutableGroup>>> reader;
    private final Loads loads;
    private final List<Consumer<RoutingSnapshot>> observers = new CopyOnWriteArrayList<>();
    private final List<Consumer<RoutingSnapshot>> preparers = new CopyOnWriteArrayList<>();
    private final List<Runnable> readers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile RoutingSnapshot current = RoutingSnapshot.EMPTY;
    private volatile boolean failing;
    private volatile boolean stopped;
    private long version;

    RoutingTable(Vertx vertx, Supplier<Uni<List<RoutableGroup>>> reader, Loads loads) {
        this.vertx = vertx;
        this.reader = reader;
        this.loads = loads;
    }

    @Override
    public RoutingSnapshot get() {
        return current;
    }

    void observe(Consumer<RoutingSnapshot> observer) {
        observers.add(observer);
    }

    /** {@code preparer} sees each new snapshot before it is in use (e.g. to attach meters to its routes). */
    void prepare(Consumer<RoutingSnapshot> preparer) {
        preparers.add(preparer);
    }

    /** {@code reader} runs as each read of the database starts. */
    void onRead(Runnable reader) {
        readers.add(reader);
    }

    /** Something changed: read everything again (soon, once). */
    void reload() {
        pending.set(true);
        drain();
    }

    void stop() {
        stopped = true;
    }

    private void drain() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        if (!pending.getAndSet(false)) {
            running.set(false);
            if (pending.get()) {
                drain();
            }
            return;
        }
        readers.forEach(Runnable::run);
        reader.get().subscribe().with(groups -> {
            swap(groups);
            done();
        }, failure -> {
            if (!failing) {
                failing = true;
                LOG.warnf("gateway: cannot read the routing table (%s); routing on the last one, retrying",
                        failure.getMessage());
            }
            pending.set(true);
            vertx.setTimer(RETRY_MS, id -> done());
        });
    }

    private void done() {
        running.set(false);
        drain();
    }

    private void swap(List<RoutableGroup> groups) {
        if (failing) {
            failing = false;
            LOG.info("gateway: routing table read again");
        }
        RoutingSnapshot next = RoutingSnapshot.build(++version, groups, loads);
        for (Consumer<RoutingSnapshot> preparer : preparers) {
            preparer.accept(next);
        }
        current = next;
        loads.retainOnly(next.instances());
        for (Consumer<RoutingSnapshot> observer : observers) {
            try {
                observer.accept(next);
            } catch (RuntimeException e) {
                LOG.error("gateway: applying a routing snapshot failed", e);
            }
        }
    }
}
