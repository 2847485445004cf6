package io.servicegroups.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The gateway replicas alive on this database: each follows the change events on a connection of its own named
 * {@value ChangeFeed#APPLICATION_NAME}, which PostgreSQL lists for as long as it is open (a dead replica's
 * connection ends with its process, or at the latest when TCP keep-alive gives up on it).
 */
@ApplicationScoped
public class GatewayReplicas {
    private final Pool pool;

    public GatewayReplicas(Pool pool) {
        this.pool = pool;
    }

    /** How many replicas follow the change events of this database now. */
    public Uni<Integer> live() {
        return pool.preparedQuery("select count(*) from pg_stat_activity where datname = current_database()"
                        + " and application_name = $1")
                .execute(Tuple.of(ChangeFeed.APPLICATION_NAME))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
    }
}
