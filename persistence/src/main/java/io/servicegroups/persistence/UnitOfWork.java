package io.servicegroups.persistence;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;

/**
 * The boundary of a use case: its repository calls in one transaction (or one session), its change events
 * published as soon as it commits. Each repository method also owns its session ({@code @WithSession} /
 * {@code @WithTransaction}) and joins the one opened here, so services never touch Panache's static helpers.
 */
@ApplicationScoped
public class UnitOfWork {
    private final ChangeRelay relay;

    public UnitOfWork(ChangeRelay relay) {
        this.relay = relay;
    }

    /** Runs {@code work} in one transaction: all of it commits or none; then its change events go out. */
    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Panache.withTransaction(work).onTermination().invoke(relay::publishSoon);
    }

    /** Runs {@code work} in one session without a transaction (reads that make several calls). */
    public <T> Uni<T> inSession(Supplier<Uni<T>> work) {
        return Panache.withSession(work);
    }
}
