package io.servicegroups.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.servicegroups.api.support.Api;
import io.servicegroups.api.support.Db;
import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.DnsName;
import io.servicegroups.core.Handler;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.ServiceGroupDraft;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.smallrye.mutiny.Uni;
import java.util.stream.Stream;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Migration V5: a group row carries its services as arrays, and a trigger fills published_service from them, so
 * the two cannot disagree whichever way the group was stored; the services cannot change afterwards.
 */
@QuarkusTest
class ServicesOnTheGroupRowTest {
    private static final List<PublishedService> SERVICES = List.of(
            new PublishedService(443, 8443, List.of(Handler.TLS, Handler.HTTP)),
            new PublishedService(80, 8080, List.of(Handler.HTTP, Handler.REDIRECT)),
            new PublishedService(5432, 5432, List.of(Handler.TLS)));

    @Inject
    ServiceGroupRepository groups;
    @Inject
    Pool pool;

    private static ServiceGroupDraft draft(List<PublishedService> services) {
        String name = Api.unique("row");
        return new ServiceGroupDraft(name, new DnsName(name + ".row.test", false), services,
                new ConcurrencyLimits(1, 1), true, List.of());
    }

    /** The group's published_service rows in position order, read back as services. */
    private Uni<List<PublishedService>> publishedRows(UUID group) {
        return pool.preparedQuery("select position, port, destination_port, handlers from published_service"
                + " where group_id = $1 order by position").execute(Tuple.of(group)).map(rows -> {
                    List<PublishedService> services = new ArrayList<>();
                    for (Row row : rows) {
                        assertThat(row.getInteger(0)).isEqualTo(services.size());
                        services.add(new PublishedService(row.getInteger(1), row.getInteger(2),
                                Stream.of(row.getArrayOfStrings(3))
                                        .map(name -> Handler.fromWireName(name).orElseThrow()).toList()));
                    }
                    return services;
                });
    }

    @Test
    @RunOnVertxContext
    void aGroupStoredInOneStatementFillsPublishedServiceFromItsRow(UniAsserter asserter) {
        asserter.assertThat(() -> groups.create("alice", draft(SERVICES)).chain(group -> publishedRows(group.uuid())),
                rows -> assertThat(rows).isEqualTo(SERVICES));
    }

    @Test
    @RunOnVertxContext
    void aGroupStoredThroughHibernateFillsPublishedServiceFromItsRow(UniAsserter asserter) {
        asserter.assertThat(() -> Panache.withTransaction(() -> groups.insert("alice", draft(SERVICES)))
                        .chain(group -> publishedRows(group.uuid())),
                rows -> assertThat(rows).isEqualTo(SERVICES));
    }

    @Test
    @RunOnVertxContext
    void aGroupWithoutServicesHasNoPublishedRows(UniAsserter asserter) {
        asserter.assertThat(() -> groups.create("alice", draft(List.of())).chain(group -> publishedRows(group.uuid())),
                rows -> assertThat(rows).isEmpty());
    }

    @Test
    void theServicesOfAStoredGroupCannotChange() {
        Db db = new Db(pool);
        UUID group = groups.create("alice", draft(SERVICES)).await().indefinitely().uuid();
        assertThatThrownBy(() -> db.query("update service_group set service_ports = '{443,81,5432}' where id = $1",
                group)).hasMessageContaining("fixed at creation");
        assertThat(db.count("update service_group set persistent = false where id = $1 returning 1", group))
                .as("other columns may change").isEqualTo(1);
        assertThat(publishedRows(group).await().indefinitely()).isEqualTo(SERVICES);
    }

    @Test
    void arraysOfDifferentLengthsAreRefused() {
        Db db = new Db(pool);
        assertThatThrownBy(() -> db.query("insert into service_group (id, owner, name, fqdn, persistent, soft_limit,"
                + " hard_limit, created_at, service_ports, service_destination_ports, service_handlers) values"
                + " ($1, 'alice', $2, $3, true, 1, 1, now(), '{80,443}', '{80}', '{http}')", UUID.randomUUID(),
                Api.unique("bad"), Api.unique("bad") + ".row.test"))
                .hasMessageContaining("service_group_services_check");
    }
}
