package io.servicegroups.api.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.RuleViolation;
import io.smallrye.mutiny.Uni;
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
            case "rule" -> Uni.createFrom().item(Outcome.failure(RuleViolation.invalid("x: bad"), null, item));
            default -> Uni.createFrom().item(Outcome.success(item));
        };
    }

    private List<Outcome<String>> run(String... items) {
        return Batches.changes(List.of(items), this::work, (item, violation) -> Outcome.failure(violation, null, item))
                .await().indefinitely();
    }

    @Test
    void failureBeforeAnythingIsDoneFailsTheRequest() {
        assertThatThrownBy(() -> run("rule", "down", "ok")).hasRootCauseInstanceOf(ConnectException.class);
        assertThat(ran).containsExactly("rule", "down");
    }

    @Test
    void failureAfterADoneItemBecomesThatItemsErrorAndTheRestGoOn() {
        List<Outcome<String>> outcomes = run("ok", "down", "bug", "later");
        assertThat(outcomes).hasSize(4);
        assertThat(outcomes.get(0).failed()).isFalse();
        assertThat(outcomes.get(1).failure().code()).isEqualTo(ErrorCode.UNKNOWN_ERROR);
        assertThat(outcomes.get(1).failure().getMessage()).contains("database became unavailable");
        assertThat(outcomes.get(1).name()).isEqualTo("down");
        assertThat(outcomes.get(2).failure().getMessage()).startsWith("not done: internal error (reference ")
                .doesNotContain("NullPointerException");
        assertThat(outcomes.get(3).value()).isEqualTo("later");
    }
}
