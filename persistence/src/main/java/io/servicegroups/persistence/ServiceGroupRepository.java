package io.servicegroups.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.Instance;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.core.ServiceGroupDraft;
import io.servicegroups.persistence.entity.InstanceEntity;
import io.servicegroups.persistence.entity.ServiceGroupEntity;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Service groups in PostgreSQL. Every method owns its session ({@code @WithSession}) or transaction
 * ({@code @WithTransaction}) and joins the caller's when there is one ({@link UnitOfWork}, which also publishes
 * the change events at once); results are core types, entities never leave this module. Every change is filtered
 * by owner too, and the schema ties an instance's owner to its group's owner.
 */
@ApplicationScoped
public class ServiceGroupRepository {
    static final String NAME_KEY = "service_group_owner_name_key";
    static final String FQDN_KEY = "service_group_fqdn_key";
    static final String INSTANCE_GROUP_FKEY = "instance_service_group_id_fkey";
    /** The group with its services as arrays; the trigger of migration V5 adds their published_service rows. */
    private static final String CREATE = "insert into service_group (id, owner, name, fqdn, persistent, soft_limit,"
            + " hard_limit, created_at, service_ports, service_destination_ports, service_handlers)"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

    private final Pool pool;
    private final ChangeRelay relay;

    public ServiceGroupRepository(Pool pool, ChangeRelay relay) {
        this.pool = pool;
        this.relay = relay;
    }

    /** Stores a new group; a name or DNS name taken meanwhile fails with code 23. */
    @WithTransaction
    public Uni<ServiceGroup> insert(String owner, ServiceGroupDraft draft) {
        ServiceGroupEntity group = new ServiceGroupEntity();
        group.id = UUID.randomUUID();
        group.owner = owner;
        group.name = draft.name();
        group.fqdn = draft.fqdn();
        group.persistent = draft.persistent();
        group.softLimit = draft.limits().soft();
        group.hardLimit = draft.limits().hard();
        group.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ServiceArrays services = ServiceArrays.of(draft.services());
        group.servicePorts = services.ports();
        group.serviceDestinationPorts = services.destinationPorts();
        group.serviceHandlers = services.handlers();
        return Panache.getSession()
                .chain(session -> session.persist(group).chain(session::flush))
                .onFailure().transform(failure -> ConstraintViolations.translate(failure, Map.of(
                        NAME_KEY, nameTaken(draft.name()),
                        FQDN_KEY, fqdnTaken(draft))))
                .replaceWith(() -> toDomain(group, draft.services(), List.of()));
    }

    /**
     * Stores a new group on its own: one statement (the group row with its services; a trigger adds their
     * published_service rows), its own transaction, no session.
     * The same rows and answers as {@link #insert}, for a create that is nothing else.
     */
    public Uni<ServiceGroup> create(String owner, ServiceGroupDraft draft) {
        UUID id = UUID.randomUUID();
        Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<PublishedService> services = draft.services();
        ServiceArrays arrays = ServiceArrays.of(services);
        Tuple args = Tuple.tuple(List.of(id, owner, draft.name(), draft.fqdn(), draft.persistent(),
                draft.limits().soft(), draft.limits().hard(), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC),
                arrays.ports(), arrays.destinationPorts(), arrays.handlers()));
        return pool.preparedQuery(CREATE).execute(args)
                .onFailure().transform(failure -> ConstraintViolations.translate(failure, Map.of(
                        NAME_KEY, nameTaken(draft.name()),
                        FQDN_KEY, fqdnTaken(draft))))
                .invoke(relay::publishSoon)
                .map(rows -> new ServiceGroup(id, owner, draft.name(), draft.fqdn(), createdAt, services, List.of(),
                        draft.persistent(), draft.limits()));
    }

    public static RuleViolation nameTaken(String name) {
        return ConstraintViolations.alreadyExists("name: \"" + name + "\" is already in use by another service group");
    }

    /** The draft's DNS name is in use; the message names the field it came from. */
    public static RuleViolation fqdnTaken(ServiceGroupDraft draft) {
        String field = draft.dnsField() == null ? "dns_name" : draft.dnsField();
        return ConstraintViolations.alreadyExists(field + ": \"" + draft.fqdn() + "\" is already in use");
    }

    /** Whether a failed {@link #insert} of {@code draft} found its name taken (the constraint, translated). */
    public static boolean isNameTaken(RuleViolation violation, ServiceGroupDraft draft) {
        return sameViolation(violation, nameTaken(draft.name()));
    }

    /** Whether a failed {@link #insert} of {@code draft} found its DNS name taken (the constraint, translated). */
    public static boolean isFqdnTaken(RuleViolation violation, ServiceGroupDraft draft) {
        return sameViolation(violation, fqdnTaken(draft));
    }

    private static boolean sameViolation(RuleViolation a, RuleViolation b) {
        return a.code() == b.code() && a.getMessage().equals(b.getMessage());
    }

    /** Which of a name (the owner's) and a DNS name (anyone's, case-insensitively) are in use. */
    public record Taken(boolean name, boolean fqdn) {
    }

    /** {@link #nameExists} and {@link #fqdnExists} in one statement. */
    @WithSession
    public Uni<Taken> taken(String owner, String name, String fqdn) {
        return Panache.getSession().chain(session -> session.createNativeQuery("select"
                                + " exists (select 1 from service_group where owner = :owner and name = :name),"
                                + " exists (select 1 from service_group where lower(fqdn) = :fqdn)", Object[].class)
                        .setParameter("owner", owner).setParameter("name", name)
                        .setParameter("fqdn", fqdn.toLowerCase(Locale.ROOT))
                        .getSingleResult())
                .map(row -> new Taken((Boolean) row[0], (Boolean) row[1]));
    }

    @WithSession
    public Uni<Boolean> nameExists(String owner, String name) {
        return ServiceGroupEntity.count("owner = ?1 and name = ?2", owner, name).map(n -> n > 0);
    }

    /** Across all users, case-insensitively. */
    @WithSession
    public Uni<Boolean> fqdnExists(String fqdn) {
        return ServiceGroupEntity.count("lower(fqdn) = ?1", fqdn.toLowerCase(Locale.ROOT)).map(n -> n > 0);
    }

    /** A group as locked for a change: what deciding the change needs, nothing that could look like a count. */
    public record Locked(UUID uuid, String name, String fqdn, boolean persistent) {
        public Instance.GroupRef ref() {
            return new Instance.GroupRef(uuid, name, fqdn);
        }
    }

    /**
     * The owner's group, locked ({@code FOR UPDATE}) until the transaction ends, or null. Read with SQL so that
     * the answer is the row as it is once the lock is held, even if the session loaded the group before;
     * {@code FOR UPDATE} also waits for (and blocks) instances being attached, whose foreign keys share-lock it.
     */
    @WithTransaction
    public Uni<Locked> lock(String owner, ItemRef ref) {
        String where = ref instanceof ItemRef.ByUuid ? "id = :key" : "name = :key";
        Object key = ref instanceof ItemRef.ByUuid byUuid ? byUuid.uuid() : ((ItemRef.ByName) ref).name();
        return Panache.getSession().chain(session -> session.createNativeQuery("select id, name, fqdn, persistent"
                                + " from service_group where owner = :owner and " + where + " for update", Object[].class)
                        .setParameter("owner", owner).setParameter("key", key)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : new Locked((UUID) rows.get(0)[0], (String) rows.get(0)[1],
                        (String) rows.get(0)[2], (Boolean) rows.get(0)[3]));
    }

    /** Makes the group persistent for good (SPEC 3.6: a second instance was attached). */
    @WithTransaction
    public Uni<Integer> makePersistent(String owner, UUID groupId) {
        return ServiceGroupEntity.update("persistent = true where id = ?1 and owner = ?2", groupId, owner);
    }

    /** The owner's groups matching every filter given (null: no filter). */
    @WithSession
    public Uni<List<ServiceGroup>> filter(String owner, Boolean persistent, String fqdn) {
        StringBuilder query = new StringBuilder("owner = :owner");
        Map<String, Object> params = new HashMap<>();
        params.put("owner", owner);
        if (persistent != null) {
            query.append(" and persistent = :persistent");
            params.put("persistent", persistent);
        }
        if (fqdn != null) {
            query.append(" and lower(fqdn) = :fqdn");
            params.put("fqdn", fqdn.toLowerCase(Locale.ROOT));
        }
        query.append(" order by createdAt, id");
        return ServiceGroupEntity.<ServiceGroupEntity>list(query.toString(), params)
                .map(list -> list.stream().map(g -> toDomain(g, List.of(), List.of())).toList());
    }

    @WithSession
    public Uni<Long> attachedCount(UUID groupId) {
        return InstanceEntity.count("serviceGroupId = ?1", groupId);
    }

    /**
     * Deletes the owner's group and its published ports; refused by the database while an instance references it.
     * Answers how many groups went (0: not the owner's).
     */
    @WithTransaction
    public Uni<Long> delete(String owner, UUID groupId) {
        return ServiceGroupEntity.delete("id = ?1 and owner = ?2", groupId, owner)
                .onFailure().transform(failure -> ConstraintViolations.translate(failure, Map.of(INSTANCE_GROUP_FKEY,
                        new RuleViolation(ErrorCode.ATTACHED, "service group " + groupId
                                + " still has instances attached"))));
    }

    private static ServiceGroup toDomain(ServiceGroupEntity g, List<PublishedService> services, List<UUID> instances) {
        return new ServiceGroup(g.id, g.owner, g.name, g.fqdn, g.createdAt, services, instances, g.persistent,
                new ConcurrencyLimits(g.softLimit, g.hardLimit));
    }
}
