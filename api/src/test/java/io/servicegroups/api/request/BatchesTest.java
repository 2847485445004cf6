package io.servicegroups.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a batch that changes things answers when something other than a rule fails on the way. */
class BatchesTest {
    /** The deliberate internal failure below is logged with its stack trace: expected, so kept out of the test log. */
    private static final java.util.logging.Logger BATCHES_LOG = java.util.logging.Logger.getLogger(
            Batches.class.getName());
    private final List<String> ran = new ArrayList<>();
    private java.util.logging.Level level;

    @org.junit.jupiter.api.BeforeEach
    void muteExpectedStackTraces() {
        level = BATCHES_LOG.getLevel();
        BATCHES_LOG.setLevel(java.util.logging.Level.OFF);
    }

    @org.junit.jupiter.api.AfterEach
    void restoreLogging() {
        BATCHES_LOG.setLevel(level);
    }

    private Uni<Outcome<String>> work(String item) {
        ran.add(item);
        return switch (item) {
            case "down" -> Uni.createFrom().failure(new IllegalStateException("pool",
                    new ConnectException("Connection refused")));
            case "bug" -> Uni.createFrom().failure(new NullPointerException());
            case "slow" -> Uni.createFrom().failure(new PgException("canceling statement due to statement timeout",
                    "ERROR", "57014", null));
            case "frozen" -> Uni.createFrom().nothing();
            case "rule" -> Uni.createFrom().item(Outcome.failure(RuleViolation.invalid("x: bad"), null, item));
            default -> Uni.createFrom().item(Outcome.success(item));
        };
    }

    private List<Outcome<String>> run(String... items) {
        return Batches.changes(WriteBudget.unlimited(), List.of(items), this::work, (item, violation) -> Outcome.failure(violation, null, item))
                .await().indefinitely();
    }

    @Test
    void failureBeforeAnythingIsDoneFailsTheRequest() {
        assertThatThrownBy(() -> run("rule", "down", "ok")).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(ran).containsExactly("rule", "down");
    }

    @Test
    void anInternalErrorAfterADoneItemBecomesThatItemsErrorAndTheRestGoOn() {
        List<Outcome<String>> outcomes = run("ok", "bug", "later", "bug");
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.UNKNOWN_ERROR);
        assertThat(outcomes.get(1).failure().getMessage()).startsWith("not done: internal error (reference ")
                .doesNotContain("NullPointerException");
        assertThat(outcomes.get(2).value()).isEqualTo("later");
        assertThat(outcomes.get(3).failure().getMessage()).as("the same failure: one reference, logged once")
                .isEqualTo(outcomes.get(1).failure().getMessage());
    }

    @Test
    void afterTheDatabaseWentAwayTheRestIsNotTried() {
        List<Outcome<String>> outcomes = run("ok", "down", "later", "ok");
        assertThat(ran).containsExactly("ok", "down");
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.UNKNOWN_ERROR);
        assertThat(outcomes.get(1).failure().getMessage()).contains("database became unavailable");
        assertThat(outcomes.get(1).name()).isEqualTo("down");
        assertThat(outcomes.subList(2, 4)).allSatisfy(outcome -> {
            assertThat(outcome.failure().code()).isEqualTo(ErrorCode.UNKNOWN_ERROR);
            assertThat(outcome.failure().getMessage()).startsWith("not done: not started");
        });
    }

    @Test
    void aStatementTimeoutFailsOnlyItsItem() {
        List<Outcome<String>> outcomes = run("ok", "slow", "later");
        assertThat(ran).containsExactly("ok", "slow", "later");
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.UNKNOWN_ERROR);
        assertThat(outcomes.get(1).failure().getMessage()).contains("did not answer in time")
                .contains("rolled back");
        assertThat(outcomes.get(2).value()).isEqualTo("later");
    }

    @Test
    void noItemStartsOnceTheBudgetAllowsNoMoreStarts() {
        WriteBudget spent = new WriteBudget(System.nanoTime() - 1, java.time.Duration.ofSeconds(1));
        List<Outcome<String>> outcomes = Batches.changes(spent, List.of("ok", "ok"), this::work,
                (item, violation) -> Outcome.failure(violation, null, item)).await().indefinitely();
        assertThat(ran).isEmpty();
        assertThat(outcomes).allSatisfy(outcome -> assertThat(outcome.failure().getMessage())
                .isEqualTo("not done: not started, the request's time (sg.api.request-timeout) ran out"));
    }

    @Test
    void anItemWithoutAnswerIsReportedAsNotKnownAndTheRestIsNotTried() {
        WriteBudget budget = new WriteBudget(Long.MAX_VALUE, java.time.Duration.ofMillis(200));
        List<Outcome<String>> outcomes = Batches.changes(budget, List.of("ok", "frozen", "later"), this::work,
                (item, violation) -> Outcome.failure(violation, null, item)).await().indefinitely();
        assertThat(ran).containsExactly("ok", "frozen");
        assertThat(outcomes.get(1).failure().getMessage()).startsWith("not known whether done");
        assertThat(outcomes.get(2).failure().getMessage()).startsWith("not done: not started");
    }
}
