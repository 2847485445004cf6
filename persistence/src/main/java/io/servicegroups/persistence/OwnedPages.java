package io.servicegroups.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;

/** "All of the owner's objects" a page at a time: ordered by creation time, then uuid (SPEC 3.5). */
final class OwnedPages {
    private OwnedPages() {
    }

    /**
     * @param entity  the entity name, with {@code owner}, {@code createdAt} and {@code id}
     * @param what    how errors name the objects, e.g. "service group"
     * @throws RuleViolation {@link ErrorCode#NOT_FOUND} when {@code page.after()} is not one of the owner's
     */
    static <E> Uni<List<E>> page(Class<E> entity, String what, String owner, PageRequest page) {
        String from = "from " + entity.getSimpleName() + " e where e.owner = :owner";
        String order = " order by e.createdAt, e.id";
        return Panache.getSession().chain(session -> {
            if (page.after() == null) {
                return session.createSelectionQuery(from + order, entity).setParameter("owner", owner)
                        .setMaxResults(page.count()).getResultList();
            }
            return session.createSelectionQuery("select e.createdAt " + from + " and e.id = :id", Instant.class)
                    .setParameter("owner", owner).setParameter("id", page.after())
                    .getSingleResultOrNull()
                    .onItem().ifNull().failWith(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                            "from: no " + what + " with uuid " + page.after()))
                    .chain(createdAt -> session.createSelectionQuery(from + " and (e.createdAt > :createdAt"
                                    + " or (e.createdAt = :createdAt and e.id > :id))" + order, entity)
                            .setParameter("owner", owner).setParameter("createdAt", createdAt)
                            .setParameter("id", page.after())
                            .setMaxResults(page.count()).getResultList());
        });
    }
}
