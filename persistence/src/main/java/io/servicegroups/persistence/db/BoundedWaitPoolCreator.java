package io.servicegroups.persistence.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import java.util.List;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * The reactive pool, with bounded waits so that an unreachable database gives errors, not hangs: connecting
 * gives up after 5 s (Vert.x waits 60 s), waiting for a pooled connection after 10 s (30 s).
 */
@Singleton
public class BoundedWaitPoolCreator implements PgPoolCreator {
    static final int CONNECT_TIMEOUT_MS = 5_000;
    static final int POOL_WAIT_SECONDS = 10;

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout(CONNECT_TIMEOUT_MS);
        }
        PoolOptions pool = input.poolOptions().setConnectionTimeout(POOL_WAIT_SECONDS)
                .setConnectionTimeoutUnit(TimeUnit.SECONDS);
        List<SqlConnectOptions> servers = List.copyOf(input.pgConnectOptionsList());
        return PgBuilder.pool().with(pool).connectingTo(servers).using(input.vertx()).build();
    }
}
