package io.servicegroups.persistence.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import io.vertx.sqlclient.SqlConnectOptions;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The reactive pool, with bounded waits so that an unreachable or stuck database gives errors, not hangs:
 * connecting gives up after 5 s (Vert.x waits 60 s), waiting for a pooled connection after
 * {@code sg.db.pool-wait-timeout} (10 s; Vert.x 30 s), and
 * the server itself cancels a statement after {@code sg.db.statement-timeout} (lock waits included) and ends a
 * session left idle inside a transaction after {@code sg.db.idle-in-transaction-timeout}, so that no transaction
 * outlives the request that began it.
 */
@Singleton
public class BoundedWaitPoolCreator implements PgPoolCreator {
    static final int CONNECT_TIMEOUT_MS = 5_000;

    private final Duration poolWait;
    private final Duration statementTimeout;
    private final Duration idleInTransactionTimeout;

    /** The defaults are those of the api module's SgConfig, which documents these settings. */
    public BoundedWaitPoolCreator(
            @ConfigProperty(name = "sg.db.pool-wait-timeout", defaultValue = "10s") Duration poolWait,
            @ConfigProperty(name = "sg.db.statement-timeout", defaultValue = "10s") Duration statementTimeout,
            @ConfigProperty(name = "sg.db.idle-in-transaction-timeout", defaultValue = "10s")
            Duration idleInTransactionTimeout) {
        this.poolWait = poolWait;
        this.statementTimeout = statementTimeout;
        this.idleInTransactionTimeout = idleInTransactionTimeout;
    }

    @Override
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setConnectTimeout(CONNECT_TIMEOUT_MS);
            // startup parameters: every session of the pool gets them, whatever server it talks to
            options.addProperty("statement_timeout", Long.toString(statementTimeout.toMillis()));
            options.addProperty("idle_in_transaction_session_timeout",
                    Long.toString(idleInTransactionTimeout.toMillis()));
        }
        PoolOptions pool = input.poolOptions().setConnectionTimeout((int) poolWait.toMillis())
                .setConnectionTimeoutUnit(TimeUnit.MILLISECONDS);
        List<SqlConnectOptions> servers = List.copyOf(input.pgConnectOptionsList());
        return PgBuilder.pool().with(pool).connectingTo(servers).using(input.vertx()).build();
    }
}
