package io.servicegroups.api.request;

import io.servicegroups.api.config.SgConfig;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.core.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Vertx;
import io.vertx.core.impl.ContextInternal;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A database that stops answering (frozen, network black hole) must give 503s, not hangs (SPEC 8): a reactive
 * answer that takes longer than {@code sg.api.request-timeout} fails with 503.
 */
@Deadline
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_AFTER)
public class DeadlineGuard {
    private static final Duration BACKSTOP_MARGIN = Duration.ofSeconds(5);
    private final Duration timeout;
    private final Duration writeBackstop;

    public DeadlineGuard(SgConfig config) {
        this.timeout = config.api().requestTimeout();
        this.writeBackstop = WriteBudget.longest(timeout, config.db().statementTimeout()).plus(BACKSTOP_MARGIN);
    }

    @AroundInvoke
    Object bound(InvocationContext invocation) throws Exception {
        Object result = invocation.proceed();
        // a batch of changes keeps its own time (WriteBudget) so that it can report what it committed; this
        // is only the backstop of last resort for it
        Duration limit = invocation.getMethod().isAnnotationPresent(ChangesItems.class)
                ? writeBackstop : timeout;
        if (result instanceof Uni<?> answer) {
            return answer.ifNoItem().after(limit).on(timers()).failWith(() -> new RequestFailure(503, ErrorCode.UNKNOWN_ERROR,
                    "no answer within " + limit.toSeconds() + " s: the database is slow or unavailable; try again"
                            + " shortly"));
        }
        return result;
    }

    /**
     * The timer runs on the request's own event loop when there is one: arming and cancelling it there takes no
     * lock and leaves no cancelled task behind, unlike Mutiny's shared scheduler (the fallback).
     */
    private static ScheduledExecutorService timers() {
        return Vertx.currentContext() instanceof ContextInternal context && context.isEventLoopContext()
                ? context.nettyEventLoop() : Infrastructure.getDefaultWorkerPool();
    }
}
