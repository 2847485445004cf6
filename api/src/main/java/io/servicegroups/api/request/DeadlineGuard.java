package io.servicegroups.api.request;

import io.servicegroups.api.config.SgConfig;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.core.ErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.time.Duration;

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
            return answer.ifNoItem().after(limit).failWith(() -> new RequestFailure(503, ErrorCode.UNKNOWN_ERROR,
                    "no answer within " + limit.toSeconds() + " s: the database is slow or unavailable; try again"
                            + " shortly"));
        }
        return result;
    }
}
