package io.servicegroups.api.request;

import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Uni;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

/** Generated names and DNS suffixes that happen to be taken are drawn again, a few times, before failing. */
public final class Redraw {
    static final int ATTEMPTS = 5;

    private Redraw() {
    }

    /**
     * What a check found taken; {@code redrawable} when the taken value was generated, so another draw may help.
     */
    public record Taken(RuleViolation violation, boolean redrawable) {
    }

    /**
     * The draft once {@code check} finds nothing taken (it answers null then); otherwise {@code redraw} makes
     * another draft, while that can help and attempts are left.
     */
    public static <D> Uni<D> untilFree(D draft, Function<D, Uni<Taken>> check, Supplier<D> redraw) {
        return untilFree(draft, check, redraw, ATTEMPTS);
    }

    private static <D> Uni<D> untilFree(D draft, Function<D, Uni<Taken>> check, Supplier<D> redraw, int attempts) {
        return check.apply(draft).chain(taken -> {
            if (taken == null) {
                return Uni.createFrom().item(draft);
            }
            if (!taken.redrawable() || attempts <= 1) {
                throw taken.violation();
            }
            return untilFree(redraw.get(), check, redraw, attempts - 1);
        });
    }

    /**
     * Inserts the draft and leaves uniqueness to the database: when {@code taken} finds in the insert's failure
     * a value that another draft may free (a generated one), {@code redraw} makes another draft to insert, while
     * attempts are left. The same answers as {@link #untilFree} then the insert, with one statement less.
     */
    public static <D, R> Uni<R> untilInserted(D draft, Function<D, Uni<R>> insert,
                                              BiFunction<D, RuleViolation, Taken> taken, Supplier<D> redraw) {
        return untilInserted(draft, insert, taken, redraw, ATTEMPTS);
    }

    private static <D, R> Uni<R> untilInserted(D draft, Function<D, Uni<R>> insert,
                                               BiFunction<D, RuleViolation, Taken> taken, Supplier<D> redraw,
                                               int attempts) {
        return insert.apply(draft).onFailure(RuleViolation.class).recoverWithUni(failure -> {
            Taken found = taken.apply(draft, (RuleViolation) failure);
            if (found == null || !found.redrawable() || attempts <= 1) {
                return Uni.createFrom().failure(failure);
            }
            return untilInserted(redraw.get(), insert, taken, redraw, attempts - 1);
        });
    }
}
