package io.servicegroups.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.vertx.RunOnVertxContext;
import io.quarkus.test.vertx.UniAsserter;
import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.DnsName;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.Handler;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.core.ServiceGroupDraft;
import io.servicegroups.persistence.GroupReads;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.servicegroups.api.support.Api;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The repository against PostgreSQL, without the API: mapping and the constraints the database enforces; what it
 * stored is read back through the read side ({@link GroupReads}).
 */
@QuarkusTest
class ServiceGroupRepositoryTest {
    @Inject
    ServiceGroupRepository groups;
    @Inject
    GroupReads reads;

    /** One group as the read side answers it, or null. */
    private Uni<ServiceGroup> find(String owner, ItemRef ref, boolean details) {
        List<UUID> uuids = ref instanceof ItemRef.ByUuid byUuid ? List.of(byUuid.uuid()) : List.of();
        List<String> names = ref instanceof ItemRef.ByName byName ? List.of(byName.name()) : List.of();
        return reads.find(owner, uuids, names, details).map(found -> found.isEmpty() ? null : found.get(0));
    }

    private static ServiceGroupDraft draft(String name, String fqdn) {
        return new ServiceGroupDraft(name, new DnsName(fqdn, false),
                List.of(new PublishedService(443, 8080, List.of(Handler.TLS, Handler.HTTP)),
                        new PublishedService(80, 443, List.of(Handler.HTTP, Handler.REDIRECT))),
                new ConcurrencyLimits(2, 9), true, List.of());
    }

    @Test
    @RunOnVertxContext
    void insertedGroupIsFoundByUuidAndNameWithItsServicesInOrder(UniAsserter asserter) {
        String name = Api.unique("repo");
        ServiceGroupDraft draft = draft(name, name + ".fra0.kraft.host");
        asserter.assertThat(() -> Panache.withTransaction(() -> groups.insert("alice", draft))
                        .chain(created -> Panache.withSession(() -> find("alice",
                                new ItemRef.ByUuid(created.uuid()), true))),
                found -> {
                    assertThat(found.name()).isEqualTo(name);
                    assertThat(found.services()).isEqualTo(draft.services());
                    assertThat(found.limits()).isEqualTo(new ConcurrencyLimits(2, 9));
                    assertThat(found.persistent()).isTrue();
                    assertThat(found.instances()).isEmpty();
                });
        asserter.assertThat(() -> Panache.withSession(() -> find("alice", new ItemRef.ByName(name), false)),
                found -> assertThat(found.services()).isEmpty());
        asserter.assertThat(() -> Panache.withSession(() -> find("bob", new ItemRef.ByName(name), true)),
                found -> assertThat(found).isNull());
    }

    @Test
    @RunOnVertxContext
    void createStoresWhatInsertStores(UniAsserter asserter) {
        String name = Api.unique("one-statement");
        ServiceGroupDraft draft = draft(name, name + ".fra0.kraft.host");
        asserter.assertThat(() -> groups.create("alice", draft)
                        .chain(created -> find("alice", new ItemRef.ByUuid(created.uuid()), true)
                                .map(found -> List.of(created, found))),
                both -> {
                    ServiceGroup created = both.get(0);
                    ServiceGroup found = both.get(1);
                    assertThat(found).isEqualTo(created);
                    assertThat(found.services()).isEqualTo(draft.services());
                    assertThat(found.limits()).isEqualTo(new ConcurrencyLimits(2, 9));
                    assertThat(found.persistent()).isTrue();
                });
    }

    @Test
    @RunOnVertxContext
    void createIsAllOrNothing(UniAsserter asserter) {
        String name = Api.unique("half");
        PublishedService twice = new PublishedService(443, 8080, List.of(Handler.TLS));
        ServiceGroupDraft draft = new ServiceGroupDraft(name, new DnsName(name + ".h.test", false),
                List.of(twice, twice), new ConcurrencyLimits(1, 1), true, List.of());
        asserter.assertFailedWith(() -> groups.create("alice", draft),
                failure -> assertThat(failure).hasMessageContaining("published_service_pkey"));
        asserter.assertThat(() -> find("alice", new ItemRef.ByName(name), false),
                found -> assertThat(found).isNull());
    }

    @Test
    @RunOnVertxContext
    void createTranslatesTakenNamesLikeInsert(UniAsserter asserter) {
        String name = Api.unique("taken");
        asserter.execute(() -> groups.create("alice", draft(name, name + ".t.test")));
        asserter.assertFailedWith(() -> groups.create("alice", draft(name, name + "-other.t.test")),
                failure -> assertThat(ServiceGroupRepository.isNameTaken((RuleViolation) failure,
                        draft(name, name + "-other.t.test"))).isTrue());
        asserter.assertFailedWith(() -> groups.create("bob", draft(Api.unique("other"), name + ".t.test")),
                failure -> assertThat(failure.getMessage()).contains("dns_name").contains("already in use"));
    }

    @Test
    @RunOnVertxContext
    void fqdnIsUniqueAcrossUsersEvenWithoutPrecheck(UniAsserter asserter) {
        String label = Api.unique("uniq");
        asserter.execute(() -> Panache.withTransaction(() -> groups.insert("alice",
                draft(Api.unique("one"), label + ".example.com"))));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> groups.insert("bob",
                        draft(Api.unique("two"), label + ".example.com"))),
                failure -> {
                    assertThat(failure).isInstanceOf(RuleViolation.class);
                    assertThat(((RuleViolation) failure).code()).isEqualTo(ErrorCode.ALREADY_EXISTS);
                    assertThat(failure.getMessage()).contains("dns_name");
                });
    }

    @Test
    @RunOnVertxContext
    void databaseStoresDnsNamesOnlyInLowerCase(UniAsserter asserter) {
        String label = Api.unique("case");
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> groups.insert("alice",
                        draft(Api.unique("upper"), label.toUpperCase() + ".example.com"))),
                failure -> assertThat(failure).hasMessageContaining("service_group_fqdn_check"));
    }

    @Test
    @RunOnVertxContext
    void nameIsUniquePerOwnerOnly(UniAsserter asserter) {
        String name = Api.unique("owned");
        asserter.execute(() -> Panache.withTransaction(() -> groups.insert("alice", draft(name, name + ".a.test"))));
        asserter.assertThat(() -> Panache.withTransaction(() -> groups.insert("bob", draft(name, name + ".b.test"))),
                group -> assertThat(group.owner()).isEqualTo("bob"));
        asserter.assertFailedWith(() -> Panache.withTransaction(() -> groups.insert("alice",
                        draft(name, name + ".c.test"))),
                failure -> assertThat(((RuleViolation) failure).code()).isEqualTo(ErrorCode.ALREADY_EXISTS));
    }

    @Test
    @RunOnVertxContext
    void pageStartsAfterTheGivenGroup(UniAsserter asserter) {
        String owner = "pager-" + Api.unique("p");
        for (int i = 0; i < 3; i++) {
            String name = Api.unique("pg");
            asserter.execute(() -> Panache.withTransaction(() -> groups.insert(owner, draft(name, name + ".p.test"))));
        }
        asserter.assertThat(() -> Panache.withSession(() -> reads.page(owner, PageRequest.of(null, null), false)),
                all -> assertThat(all).hasSize(3));
        asserter.assertThat(() -> Panache.withSession(() -> reads.page(owner, PageRequest.of(null, null), false))
                        .chain(all -> Panache.withSession(() -> reads.page(owner,
                                PageRequest.of(5L, all.get(0).uuid()), false))
                                .map(rest -> List.of(all, rest))),
                pages -> assertThat(pages.get(1)).isEqualTo(pages.get(0).subList(1, 3)));
    }

    @Test
    @RunOnVertxContext
    void deleteRemovesTheGroup(UniAsserter asserter) {
        String name = Api.unique("gone");
        asserter.execute(() -> Panache.withTransaction(() -> groups.insert("alice", draft(name, name + ".d.test"))
                .call(group -> groups.delete("alice", group.uuid()))));
        asserter.assertThat(() -> Panache.withSession(() -> find("alice", new ItemRef.ByName(name), true)),
                found -> assertThat(found).isNull());
        asserter.assertThat(() -> Panache.withSession(() -> groups.fqdnExists(name.toUpperCase() + ".D.TEST")),
                exists -> assertThat(exists).isFalse());
    }
}
