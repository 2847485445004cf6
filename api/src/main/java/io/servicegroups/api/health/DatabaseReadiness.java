package io.servicegroups.api.health;

import io.servicegroups.persistence.db.EmbeddedDatabase;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the database answers {@code SELECT 1} within {@link #ANSWER_WITHIN}, so that readiness answers in
 * time whatever the database does (frozen, unreachable, restarting); while the supervised embedded PostgreSQL
 * is being restarted it says so.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements AsyncHealthCheck {
    static final String NAME = "Database connection";
    static final Duration ANSWER_WITHIN = Duration.ofMillis(1500);

    private final Pool pool;

    public DatabaseReadiness(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Optional<Instant> restarting = EmbeddedDatabase.outage();
        if (restarting.isPresent()) {
            return Uni.createFrom().item(HealthCheckResponse.named(NAME).down()
                    .withData("embedded-postgresql", "restarting since " + restarting.get()).build());
        }
        return pool.query("SELECT 1").execute()
                .map(rows -> HealthCheckResponse.named(NAME).up().build())
                .ifNoItem().after(ANSWER_WITHIN).fail()
                .onFailure().recoverWithItem(failure -> HealthCheckResponse.named(NAME).down()
                        .withData("failure", failure.getMessage() == null ? failure.getClass().getSimpleName()
                                : failure.getMessage()).build());
    }
}
