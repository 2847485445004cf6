package io.servicegroups.api.request;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.errors.DatabaseFailures;
import io.servicegroups.api.errors.OutageLog;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
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
     * Runs the items of a batch that changes things, in order, within {@code budget}. An unexpected failure (the
     * database going away) fails the whole request while nothing has been done yet; once an earlier item is done,
     * it becomes that item's error 0 instead, so that the answer still tells which items were done. After the
     * database became unavailable, or once the budget allows no more starts, the remaining items are not tried
     * (error 0 too).
     */
    public static <I, O> Uni<List<Outcome<O>>> changes(WriteBudget budget, List<I> items,
                                                       Function<I, Uni<Outcome<O>>> work,
                                                       BiFunction<I, RuleViolation, Outcome<O>> failed) {
        Progress progress = new Progress();
        return inOrder(items, item -> {
            RuleViolation skipped = progress.skipped(budget);
            if (skipped != null) {
                return Uni.createFrom().item(failed.apply(item, skipped));
            }
            return work.apply(item)
                    .ifNoItem().after(budget.inFlightLimit()).failWith(NoAnswer::new)
                    .invoke(outcome -> {
                        if (!outcome.failed()) {
                            progress.done = true;
                        }
                    })
                    .onFailure(failure -> progress.done)
                    .recoverWithItem(failure -> failed.apply(item, progress.notDone(failure)));
        });
    }

    /** {@link #changes} of items named by uuid or name: {@code work} gets the resolved identifiers. */
    public static <O> Uni<List<Outcome<O>>> changesByRef(WriteBudget budget, List<RawRef> refs,
                                                         Function<ItemRef, Uni<O>> work) {
        return changes(budget, refs, raw -> attempt(raw, work),
                (raw, violation) -> Outcome.failure(violation, raw.uuid(), raw.name()));
    }

    /** An item whose transaction did not end within the budget: the database stopped answering. */
    static final class NoAnswer extends TimeoutException {
        NoAnswer() {
            super("no answer from the database for a change");
        }
    }

    /** What a batch has done so far, and why it stopped trying items. */
    private static final class Progress {
        private volatile boolean done;
        private volatile RuleViolation stopped;
        /** One reference (and one logged stack trace) per distinct unexpected failure of the batch. */
        private final Map<String, String> references = new ConcurrentHashMap<>();

        RuleViolation skipped(WriteBudget budget) {
            if (stopped == null && !budget.canStart()) {
                stopped = new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: not started, the request's time"
                        + " (sg.api.request-timeout) ran out");
            }
            return stopped;
        }

        RuleViolation notDone(Throwable failure) {
            if (failure instanceof NoAnswer) {
                OutageLog.unavailable(failure);
                stopped = new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: not started, the database stopped"
                        + " answering during the request");
                return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not known whether done: the database stopped"
                        + " answering; look it up before retrying");
            }
            if (DatabaseFailures.isTooSlow(failure)) {
                OutageLog.unavailable(failure);
                return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: the database did not answer in time"
                        + " (sg.db.statement-timeout); it was rolled back");
            }
            if (DatabaseFailures.isUnavailable(failure)) {
                OutageLog.unavailable(failure);
                stopped = new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: not started, the database became"
                        + " unavailable during the request");
                return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: the database became unavailable"
                        + " during the request; the items before were done");
            }
            String reference = references.computeIfAbsent(failure.getClass().getName() + ": " + failure.getMessage(),
                    signature -> {
                        String fresh = UUID.randomUUID().toString();
                        LOG.errorf(failure, "unexpected failure %s", fresh);
                        return fresh;
                    });
            return new RuleViolation(ErrorCode.UNKNOWN_ERROR, "not done: internal error (reference " + reference
                    + ")");
        }
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
            throw notFound(ref, what);
        }
        return value;
    }

    private static RuleViolation notFound(ItemRef ref, String what) {
        return new RuleViolation(ErrorCode.NOT_FOUND, ref instanceof ItemRef.ByUuid
                ? "no " + what + " with uuid " + ref
                : "no " + what + " named " + ref);
    }

    /**
     * Looks up the objects named by {@code refs} with one call of {@code lookup} (the valid uuids and names):
     * one outcome per ref, in the order asked, like {@link #attempt} with {@link #found} for each.
     */
    public static <T> Uni<List<Outcome<T>>> lookUp(List<RawRef> refs, String what,
                                                   BiFunction<Set<UUID>, Set<String>, Uni<List<T>>> lookup,
                                                   Function<T, UUID> uuidOf, Function<T, String> nameOf) {
        List<Object> resolved = new ArrayList<>(refs.size()); // an ItemRef, or the item's failure
        Set<UUID> uuids = new LinkedHashSet<>();
        Set<String> names = new LinkedHashSet<>();
        for (RawRef raw : refs) {
            try {
                ItemRef ref = raw.resolve();
                if (ref instanceof ItemRef.ByUuid byUuid) {
                    uuids.add(byUuid.uuid());
                } else {
                    names.add(((ItemRef.ByName) ref).name());
                }
                resolved.add(ref);
            } catch (RuleViolation violation) {
                resolved.add(Outcome.failure(violation, raw.uuid(), raw.name()));
            }
        }
        return lookup.apply(uuids, names).map(found -> {
            Map<UUID, T> byUuid = new HashMap<>();
            Map<String, T> byName = new HashMap<>();
            found.forEach(value -> {
                byUuid.put(uuidOf.apply(value), value);
                byName.put(nameOf.apply(value), value);
            });
            List<Outcome<T>> outcomes = new ArrayList<>(refs.size());
            for (int i = 0; i < refs.size(); i++) {
                if (!(resolved.get(i) instanceof ItemRef ref)) {
                    @SuppressWarnings("unchecked")
                    Outcome<T> failed = (Outcome<T>) resolved.get(i);
                    outcomes.add(failed);
                    continue;
                }
                T value = ref instanceof ItemRef.ByUuid byId ? byUuid.get(byId.uuid())
                        : byName.get(((ItemRef.ByName) ref).name());
                outcomes.add(value != null ? Outcome.success(value)
                        : Outcome.failure(notFound(ref, what), refs.get(i).uuid(), refs.get(i).name()));
            }
            return outcomes;
        });
    }
}
