package io.servicegroups.api.request;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.errors.DatabaseFailures;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jboss.logging.Logger;

/** Running the items of a batch: in order, one at a time, a broken rule becoming that item's failure. */
public final class Batches {
    private static final Logger LOG = Logger.getLogger(Batches.class);

    private Batches() {
    }

    /** Runs {@code work} for each item, one after the other, keeping the order. */
    public static <I, O> Uni<List<O>> inOrder(List<I> items, Function<I, Uni<O>> work) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> work.apply(item))
                .collect().asList();
    }

    /**
     * Runs the items of a batch that changes things, in order. An unexpected failure (the database going away)
     * fails the whole request while nothing has been done yet; once an earlier item is done, it becomes that
     * item's error 0 instead, so that the answer still tells which items were done.
     */
    public static <I, O> Uni<List<Outcome<O>>> changes(List<I> items, Function<I, Uni<Outcome<O>>> work,
                                                       BiFunction<I, RuleViolation, Outcome<O>> failed) {
        AtomicBoolean done = new AtomicBoolean();
        return inOrder(items, item -> work.apply(item)
                .invoke(outcome -> {
                    if (!outcome.failed()) {
                        done.set(true);
                    }
                })
                .onFailure(failure -> done.get())
                .recoverWithItem(failure -> failed.apply(item, notDone(failure))));
    }

    /** {@link #changes} of items named by uuid or name: {@code work} gets the resolved identifiers. */
    public static <O> Uni<List<Outcome<O>>> changesByRef(List<RawRef> refs, Function<ItemRef, Uni<O>> work) {
        return changes(refs, raw -> attempt(raw, work),
                (raw, violation) -> Outcome.failure(violation, raw.uuid(), raw.name()));
    }

    private static RuleViolation notDone(Throwable failure) {
        if (DatabaseFailures.isUnavailable(failure)) {
            return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: the database became unavailable during"
                    + " the request; the items before were done");
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(failure, "unexpected failure %s", reference);
        return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: internal error (reference " + reference + ")");
    }

    /** Resolves the item's identifiers and runs {@code work}; a broken rule becomes the item's failure. */
    public static <T> Uni<Outcome<T>> attempt(RawRef raw, Function<ItemRef, Uni<T>> work) {
        return Uni.createFrom().item(raw::resolve)
                .chain(ref -> work.apply(ref))
                .map(Outcome::success)
                .onFailure(RuleViolation.class)
                .recoverWithItem(failure -> Outcome.failure((RuleViolation) failure, raw.uuid(), raw.name()));
    }

    /** {@code value}, or the failure "no such object" for a null one. */
    public static <T> T found(T value, ItemRef ref, String what) {
        if (value == null) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, ref instanceof ItemRef.ByUuid
                    ? "no " + what + " with uuid " + ref
                    : "no " + what + " named " + ref);
        }
        return value;
    }
}
