package io.servicegroups.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * "All of the owner's objects" a page at a time: ordered by creation time, then uuid (SPEC 3.5). A page may start
 * after an object deleted meanwhile: its place in that order is kept in {@code deleted_place} (migration V2).
 */
final class OwnedPages {
    private OwnedPages() {
    }

    /**
     * @param entity  the entity name, with {@code owner}, {@code createdAt} and {@code id}
     * @param table   the entity's table, as {@code deleted_place.entity} names it
     * @param what    how errors name the objects, e.g. "service group"
     * @throws RuleViolation {@link ErrorCode#NOT_FOUND} when {@code page.after()} is not and was not recently one
     *                       of the owner's
     */
    static <E> Uni<List<E>> page(Class<E> entity, String table, String what, String owner, PageRequest page) {
        String from = "from " + entity.getSimpleName() + " e where e.owner = :owner";
        String order = " order by e.createdAt, e.id";
        return Panache.getSession().chain(session -> {
            if (page.after() == null) {
                return session.createSelectionQuery(from + order, entity).setParameter("owner", owner)
                        .setMaxResults(page.count()).getResultList();
            }
            return place(session, entity, table, owner, page.after())
                    .onItem().ifNull().failWith(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                            "from: no " + what + " with uuid " + page.after()))
                    .chain(createdAt -> session.createSelectionQuery(from + " and (e.createdAt > :createdAt"
                                    + " or (e.createdAt = :createdAt and e.id > :id))" + order, entity)
                            .setParameter("owner", owner).setParameter("createdAt", createdAt)
                            .setParameter("id", page.after())
                            .setMaxResults(page.count()).getResultList());
        });
    }

    /** The creation time of the owner's object {@code id}, or of the owner's object of that uuid deleted lately. */
    private static <E> Uni<Instant> place(Mutiny.Session session, Class<E> entity, String table, String owner,
                                          UUID id) {
        return session.createSelectionQuery("select e.createdAt from " + entity.getSimpleName()
                        + " e where e.owner = :owner and e.id = :id", Instant.class)
                .setParameter("owner", owner).setParameter("id", id)
                .getSingleResultOrNull()
                .onItem().ifNull().switchTo(() -> session.createNativeQuery("select (extract(epoch from created_at)"
                                + " * 1000000)::bigint from deleted_place where entity = :entity and owner = :owner"
                                + " and id = :id", Long.class)
                        .setParameter("entity", table).setParameter("owner", owner).setParameter("id", id)
                        .getResultList()
                        .map(rows -> rows.isEmpty() ? null
                                : Instant.EPOCH.plus(((Number) rows.get(0)).longValue(), ChronoUnit.MICROS)));
    }
}
