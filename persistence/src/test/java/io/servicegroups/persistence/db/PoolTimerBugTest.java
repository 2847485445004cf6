package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PoolTimerBugTest {

    private static Throwable thrownAt(Throwable failure, String className, String method) {
        failure.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("io.vertx.core.Promise", "fail", "Promise.java", 90),
            new StackTraceElement(className, method, "X.java", 216),
            new StackTraceElement("io.vertx.core.impl.VertxImpl$InternalTimerHandler", "handle", "VertxImpl.java", 1102)});
        return failure;
    }

    @Test
    void theReportOfThePoolTimerIsRecognised() {
        assertThat(PoolTimerBug.isItsReport(thrownAt(new IllegalStateException("Result is already complete"),
                "io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3"))).isTrue();
    }

    @Test
    void everythingElseIsNot() {
        assertThat(PoolTimerBug.isItsReport(thrownAt(new IllegalStateException("Result is already complete"),
                "io.servicegroups.Something", "lambda$execute$3"))).isFalse();
        assertThat(PoolTimerBug.isItsReport(thrownAt(new IllegalStateException("other"),
                "io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3"))).isFalse();
        assertThat(PoolTimerBug.isItsReport(thrownAt(new IllegalArgumentException("Result is already complete"),
                "io.vertx.sqlclient.impl.pool.SqlConnectionPool", "lambda$execute$3"))).isFalse();
        assertThat(PoolTimerBug.isItsReport(new IllegalStateException("Result is already complete")))
                .as("thrown here, not by the pool's timer").isFalse();
    }
}
