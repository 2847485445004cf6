package io.servicegroups.api.request;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Running the items of a batch: in order, one at a time, a broken rule becoming that item's failure. */
public final class Batches {
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
            throw new RuleViolation(io.servicegroups.core.ErrorCode.NOT_FOUND, ref instanceof ItemRef.ByUuid
                    ? "no " + what + " with uuid " + ref
                    : "no " + what + " named " + ref);
        }
        return value;
    }
}
