package io.servicegroups.gateway;

import io.servicegroups.core.routing.RoutableGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Holds the current {@link RoutingSnapshot} and replaces it when something changes: everything is read at start
 * and after every reconnect of the change feed ({@link #reload()}), only the changed groups after a change
 * event ({@link #changed}). One read runs at a time; what arrives meanwhile is read next, together. When the
 * database cannot be read the last snapshot stays in use and the read is tried again every second.
 */
final class RoutingTable implements Supplier<RoutingSnapshot> {
    private static final Logger LOG = Logger.getLogger(RoutingTable.class);
    private static final long RETRY_MS = 1000;

    private final Vertx vertx;
    private final Supplier<Uni<List<RoutableGroup>>> readAll;
    private final Function<Collection<UUID>, Uni<List<RoutableGroup>>> readSome;
    private final Loads loads;
    private final List<Consumer<RoutingSnapshot>> observers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean fullPending = new AtomicBoolean();
    private final Set<UUID> changedGroups = ConcurrentHashMap.newKeySet();
    private final List<Consumer<RoutingSnapshot>> preparers = new CopyOnWriteArrayList<>();
    private final List<Runnable> readers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean();
    /** The groups of the current snapshot; touched only by the one read in progress. */
    private final Map<UUID, RoutableGroup> groups = new HashMap<>();
    private volatile RoutingSnapshot current = RoutingSnapshot.EMPTY;
    private volatile boolean failing;
    private volatile boolean stopped;
    private long version;

    RoutingTable(Vertx vertx, Supplier<Uni<List<RoutableGroup>>> readAll,
                 Function<Collection<UUID>, Uni<List<RoutableGroup>>> readSome, Loads loads) {
        this.vertx = vertx;
        this.readAll = readAll;
        this.readSome = readSome;
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

    /** Read everything again (soon, once). */
    void reload() {
        fullPending.set(true);
        drain();
    }

    /** Group {@code id} (or an instance of it) changed: read it again. */
    void changed(UUID id) {
        changedGroups.add(id);
        drain();
    }

    void stop() {
        stopped = true;
    }

    private void drain() {
        if (stopped || !running.compareAndSet(false, true)) {
            return;
        }
        boolean full = fullPending.getAndSet(false);
        List<UUID> some = new ArrayList<>();
        if (!full) {
            for (UUID id : changedGroups) {
                if (changedGroups.remove(id)) {
                    some.add(id);
                }
            }
        } else {
            changedGroups.clear(); // the full read sees them; changes from now on are read after it
        }
        if (!full && some.isEmpty()) {
            running.set(false);
            if (fullPending.get() || !changedGroups.isEmpty()) {
                drain();
            }
            return;
        }
        readers.forEach(Runnable::run);
        Uni<List<RoutableGroup>> read = full ? readAll.get() : readSome.apply(some);
        read.subscribe().with(found -> {
            apply(full, some, found);
            done();
        }, failure -> {
            if (!failing) {
                failing = true;
                LOG.warnf("gateway: cannot read the routing table (%s); routing on the last one, retrying",
                        failure.getMessage());
            }
            if (full) {
                fullPending.set(true);
            } else {
                changedGroups.addAll(some);
            }
            vertx.setTimer(RETRY_MS, id -> done());
        });
    }

    private void done() {
        running.set(false);
        drain();
    }

    private void apply(boolean full, List<UUID> asked, List<RoutableGroup> found) {
        if (failing) {
            failing = false;
            LOG.info("gateway: routing table read again");
        }
        if (full) {
            groups.clear();
        } else {
            asked.forEach(groups::remove);
        }
        found.forEach(group -> groups.put(group.uuid(), group));
        RoutingSnapshot next = RoutingSnapshot.build(++version, List.copyOf(groups.values()), loads);
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
