package io.servicegroups.persistence.db;

import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Works around vertx-sql-client issue 1706 (open in 4.5.27): when the pool cannot get a connection (the database
 * is down), the caller gets the error, but the pool's wait timer is not cancelled, and when it fires it fails the
 * same promise again; Vert.x reports that as an uncaught {@code IllegalStateException} with a stack trace, one per
 * failed query, 10 s later. That would undo the one-error-per-outage log (OutageLog), so exactly that report is
 * dropped; every other uncaught exception still reaches the handler Quarkus installed.
 */
@ApplicationScoped
public class PoolTimerBug {

    void ignoreItsReports(@Observes StartupEvent start, Vertx vertx) {
        Handler<Throwable> quarkus = vertx.exceptionHandler();
        if (quarkus != null && quarkus.getClass().getName().equals(Filter.class.getName())) {
            return; // installed by an earlier start in this JVM (a dev-mode reload loads this class anew)
        }
        vertx.exceptionHandler(new Filter(quarkus));
    }

    /** The pool timer's second completion of a promise: nothing else throws this from there. */
    static boolean isItsReport(Throwable failure) {
        if (!(failure instanceof IllegalStateException) || !"Result is already complete".equals(failure.getMessage())) {
            return false;
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length > 1 && "io.vertx.sqlclient.impl.pool.SqlConnectionPool".equals(stack[1].getClassName())
                && stack[1].getMethodName().startsWith("lambda$execute$");
    }

    private record Filter(Handler<Throwable> next) implements Handler<Throwable> {
        @Override
        public void handle(Throwable failure) {
            if (!isItsReport(failure) && next != null) {
                next.handle(failure);
            }
        }
    }
}
