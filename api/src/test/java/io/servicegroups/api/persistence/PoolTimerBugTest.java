package io.servicegroups.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.LogRecords;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import jakarta.inject.Inject;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * vertx-sql-client issue 1706: a query that finds no database fails at once, and the pool's wait timer fails it
 * again later, which Vert.x reports as an uncaught exception with a stack trace (PoolTimerBug drops that report).
 */
@QuarkusTest
class PoolTimerBugTest {
    @Inject
    Vertx vertx;

    @Test
    void aQueryWithoutDatabaseLeavesNoUncaughtExceptionBehind() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Pool pool = PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1).setConnectionTimeout(300).setConnectionTimeoutUnit(TimeUnit.MILLISECONDS))
                .connectingTo(new PgConnectOptions().setHost("127.0.0.1").setPort(closedPort).setUser("nobody")
                        .setDatabase("nothing"))
                .using(vertx).build();
        try (LogRecords logs = LogRecords.capture()) {
            Throwable failure = pool.query("select 1").execute().toCompletionStage().toCompletableFuture()
                    .handle((rows, error) -> error).get(10, TimeUnit.SECONDS);
            assertThat(failure).as("the database is not there").isNotNull();
            Thread.sleep(1_000); // the wait timer (300 ms) has fired
            assertThat(logs.all()).as(logs.describe()).noneMatch(record -> record.getMessage() != null
                    && record.getMessage().contains("Uncaught exception"));
        } finally {
            pool.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void otherUncaughtExceptionsAreStillReported() {
        try (LogRecords logs = LogRecords.capture()) {
            vertx.exceptionHandler().handle(new IllegalStateException("Result is already complete"));
            assertThat(logs.all()).as(logs.describe()).anyMatch(record -> record.getMessage() != null
                    && record.getMessage().contains("Uncaught exception"));
        }
    }
}
