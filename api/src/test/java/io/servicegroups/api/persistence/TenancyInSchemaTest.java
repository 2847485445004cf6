package io.servicegroups.api.persistence;

import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.createInstance;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.servicegroups.api.support.Db;
import io.servicegroups.core.InstanceState;
import io.servicegroups.persistence.InstanceRepository;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Tenancy does not rest on the services alone: repository changes filter by owner, the schema ties owners. */
@QuarkusTest
class TenancyInSchemaTest {
    @Inject
    Pool pool;
    @Inject
    ServiceGroupRepository groups;
    @Inject
    InstanceRepository instances;

    @Test
    void changesInTheNameOfAnotherOwnerChangeNothing() {
        UUID group = UUID.fromString(createGroup("alice", group(unique("tenant"), List.of())));
        UUID instance = UUID.fromString(createInstance("alice", Map.of("address", "10.21.0.1",
                "service_group", Map.of("uuid", group.toString()))));
        Db db = new Db(pool);
        db.query("update service_group set persistent = false where id = $1", group);

        assertThat(inTransaction(() -> instances.changeState("bob", instance, InstanceState.STOPPED, null))).isZero();
        assertThat(inTransaction(() -> instances.delete("bob", instance))).isZero();
        assertThat(inTransaction(() -> groups.makePersistent("bob", group))).isZero();
        assertThat(db.count("select count(*) from instance where id = $1 and state = 'running'", instance))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from service_group where id = $1 and not persistent", group))
                .isEqualTo(1);

        assertThat(inTransaction(() -> instances.delete("alice", instance))).isEqualTo(1);
        assertThat(inTransaction(() -> groups.delete("bob", group))).isZero();
        assertThat(db.count("select count(*) from service_group where id = $1", group)).isEqualTo(1);
        assertThat(inTransaction(() -> groups.delete("alice", group))).isEqualTo(1);
    }

    @Test
    void theDatabaseRefusesAnInstanceInAnotherOwnersGroup() {
        UUID group = UUID.fromString(createGroup("alice", group(unique("tenant"), List.of())));
        Db db = new Db(pool);
        assertThatThrownBy(() -> db.query("insert into instance (id, owner, name, address, state, service_group_id,"
                + " created_at) values ($1, 'bob', $2, '10.21.0.2', 'running', $3, now())", UUID.randomUUID(),
                unique("intruder"), group)).hasMessageContaining("instance_service_group_id_fkey");

        UUID instance = UUID.fromString(createInstance("alice", Map.of("address", "10.21.0.3",
                "service_group", Map.of("uuid", group.toString()))));
        assertThatThrownBy(() -> db.query("update instance set owner = 'bob' where id = $1", instance))
                .hasMessageContaining("instance_service_group_id_fkey");
        assertThatThrownBy(() -> db.query("update service_group set owner = 'bob' where id = $1", group))
                .hasMessageContaining("instance_service_group_id_fkey");
    }

    /** Hibernate Reactive sessions need a safe Vert.x sub-context: run the work on one and wait here. */
    private static <T> T inTransaction(Supplier<Uni<T>> work) {
        io.vertx.core.Vertx vertx = io.quarkus.arc.Arc.container().instance(io.vertx.core.Vertx.class).get();
        CompletableFuture<T> result = new CompletableFuture<>();
        io.vertx.core.Context context = VertxContext.getOrCreateDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Panache.withTransaction(work)
                .subscribe().with(result::complete, result::completeExceptionally));
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
