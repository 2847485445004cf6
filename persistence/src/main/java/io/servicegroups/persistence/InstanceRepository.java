package io.servicegroups.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.Instance;
import io.servicegroups.core.InstanceDraft;
import io.servicegroups.core.InstanceState;
import io.servicegroups.core.InstanceTransitions;
import io.servicegroups.core.InstanceTransitions.Transition;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.persistence.entity.InstanceEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Instances in PostgreSQL. Like {@link ServiceGroupRepository}, every method owns its session or transaction
 * and joins the caller's (the drain sweep and the gateway's stop use the pool directly), and every change is
 * filtered by owner (the drain sweep, a fleet-wide
 * timer that no tenant asks for, is the one exception).
 */
@ApplicationScoped
public class InstanceRepository {
    static final String NAME_KEY = "instance_owner_name_key";
    static final String GROUP_FKEY = "instance_service_group_id_fkey";

    private final Pool pool;
    private final ChangeRelay relay;

    public InstanceRepository(Pool pool, ChangeRelay relay) {
        this.pool = pool;
        this.relay = relay;
    }

    /** Stores a new running instance, attached to {@code group} (or none). */
    @WithTransaction
    public Uni<Instance> insert(String owner, InstanceDraft draft, Instance.GroupRef group) {
        InstanceEntity instance = new InstanceEntity();
        instance.id = UUID.randomUUID();
        instance.owner = owner;
        instance.name = draft.name();
        instance.address = draft.address();
        instance.state = InstanceState.RUNNING.wireName();
        instance.serviceGroupId = group == null ? null : group.uuid();
        instance.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.getSession()
                .chain(session -> session.persist(instance).chain(session::flush))
                .onFailure().transform(failure -> ConstraintViolations.translate(failure, Map.of(
                        NAME_KEY, nameTaken(draft.name()),
                        GROUP_FKEY, new RuleViolation(ErrorCode.NOT_FOUND, "service_group: the service group was"
                                + " deleted meanwhile"))))
                .replaceWith(() -> toDomain(instance, group));
    }

    public static RuleViolation nameTaken(String name) {
        return ConstraintViolations.alreadyExists("name: \"" + name + "\" is already in use by another instance");
    }

    @WithSession
    public Uni<Boolean> nameExists(String owner, String name) {
        return InstanceEntity.count("owner = ?1 and name = ?2", owner, name).map(n -> n > 0);
    }

    /** The owner's instance, or null. */
    @WithSession
    public Uni<Instance> find(String owner, ItemRef ref) {
        return findEntity(owner, ref, LockModeType.NONE).chain(this::withGroup);
    }

    /** The owner's instance, locked until the transaction ends, or null. */
    @WithTransaction
    public Uni<Instance> lock(String owner, ItemRef ref) {
        return findEntity(owner, ref, LockModeType.PESSIMISTIC_WRITE).chain(this::withGroup);
    }

    private Uni<InstanceEntity> findEntity(String owner, ItemRef ref, LockModeType lock) {
        var query = ref instanceof ItemRef.ByUuid byUuid
                ? InstanceEntity.<InstanceEntity>find("id = ?1 and owner = ?2", byUuid.uuid(), owner)
                : InstanceEntity.<InstanceEntity>find("name = ?1 and owner = ?2", ((ItemRef.ByName) ref).name(),
                        owner);
        return query.withLock(lock).firstResult();
    }

    private Uni<Instance> withGroup(InstanceEntity instance) {
        if (instance == null) {
            return Uni.createFrom().nullItem();
        }
        return withGroups(List.of(instance)).map(list -> list.get(0));
    }

    /** A page of the owner's instances ordered by creation time, then uuid. */
    @WithSession
    public Uni<List<Instance>> page(String owner, PageRequest page) {
        return OwnedPages.page(InstanceEntity.class, "instance", "instance", owner, page).chain(this::withGroups);
    }

    /** Changes the state of the owner's instance; answers how many rows changed (0: not the owner's). */
    @WithTransaction
    public Uni<Integer> changeState(String owner, UUID id, InstanceState state, Instant drainDeadline) {
        return InstanceEntity.update("state = ?1, drainDeadline = ?2 where id = ?3 and owner = ?4",
                state.wireName(), drainDeadline, id, owner);
    }

    /** Deletes the owner's instance; answers how many rows went (0: not the owner's). */
    @WithTransaction
    public Uni<Long> delete(String owner, UUID id) {
        return InstanceEntity.delete("id = ?1 and owner = ?2", id, owner);
    }

    /**
     * Stops every draining instance whose deadline has passed, in its own transaction (no caller session):
     * idempotent, so every replica may run it. Answers how many stopped.
     */
    public Uni<Integer> stopExpiredDrains(Instant now) {
        Transition drained = InstanceTransitions.drained();
        return pool.withTransaction(connection -> connection.preparedQuery("update instance set state = $1,"
                        + " drain_deadline = null where state = $2 and drain_deadline <= $3")
                .execute(Tuple.of(drained.to().wireName(), drained.from().wireName(),
                        OffsetDateTime.ofInstant(now, ZoneOffset.UTC))))
                .map(result -> published(result.rowCount()));
    }

    /**
     * Stops one draining instance whose open work has ended before its deadline (the gateway saw its last
     * connection close), in its own transaction. Answers whether it stopped: false when it was no longer draining.
     */
    public Uni<Boolean> stopDrained(UUID id) {
        Transition drained = InstanceTransitions.drained();
        return pool.withTransaction(connection -> connection.preparedQuery("update instance set state = $1,"
                        + " drain_deadline = null where id = $2 and state = $3")
                .execute(Tuple.of(drained.to().wireName(), id, drained.from().wireName())))
                .map(result -> published(result.rowCount()) == 1);
    }

    /** After a commit of {@code changed} rows: their change events go out now rather than at the relay's next run. */
    private int published(int changed) {
        if (changed > 0) {
            relay.publishSoon();
        }
        return changed;
    }

    /** Deadlines of the instances draining now, soonest first. */
    public Uni<List<Instant>> drainDeadlines() {
        return pool.query("select drain_deadline from instance where state = 'draining' order by drain_deadline")
                .execute()
                .map(rows -> {
                    List<Instant> deadlines = new ArrayList<>();
                    for (Row row : rows) {
                        deadlines.add(row.getOffsetDateTime(0).toInstant());
                    }
                    return deadlines;
                });
    }

    private Uni<List<Instance>> withGroups(List<InstanceEntity> instances) {
        Set<UUID> groupIds = instances.stream().map(i -> i.serviceGroupId).filter(id -> id != null)
                .collect(Collectors.toSet());
        if (groupIds.isEmpty()) {
            return Uni.createFrom().item(instances.stream().map(i -> toDomain(i, null)).toList());
        }
        // A projection: group entities loaded here would be served stale to a later lock in this session.
        return Panache.getSession().chain(session -> session.createSelectionQuery("select g.id, g.name, g.fqdn"
                        + " from ServiceGroupEntity g where g.id in (:ids)", Object[].class)
                .setParameter("ids", groupIds).getResultList()).map(rows -> {
            Map<UUID, Instance.GroupRef> refs = new HashMap<>();
            rows.forEach(r -> refs.put((UUID) r[0], new Instance.GroupRef((UUID) r[0], (String) r[1], (String) r[2])));
            return instances.stream().map(i -> toDomain(i, i.serviceGroupId == null ? null
                    : refs.get(i.serviceGroupId))).toList();
        });
    }

    private static Instance toDomain(InstanceEntity i, Instance.GroupRef group) {
        return new Instance(i.id, i.owner, i.name, i.address, InstanceState.fromWireName(i.state).orElseThrow(),
                i.createdAt, group, i.drainDeadline);
    }
}
