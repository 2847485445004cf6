package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.servicegroups.core.InstanceTransitions.Transition;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 4 / the issue: {@code running → draining → stopped}, {@code running → stopped}, {@code stopped → running};
 * every other transition is refused with code 14, naming the instance and why.
 */
class InstanceTransitionsTest {
    private static final String NAME = "young-monkey-uq6dxq0u";
    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00.123Z");
    private static final long MAX = 86_400_000L;

    private static final InstanceState RUNNING = InstanceState.RUNNING;
    private static final InstanceState DRAINING = InstanceState.DRAINING;
    private static final InstanceState STOPPED = InstanceState.STOPPED;

    private static Transition stop(InstanceState current, Long drainTimeoutMs, Boolean force) {
        return InstanceTransitions.stop(NAME, current, drainTimeoutMs, force, NOW);
    }

    @Test
    void theMaximumDrainTimeoutIs24Hours() {
        assertThat(InstanceTransitions.MAX_DRAIN_TIMEOUT_MS).isEqualTo(MAX);
    }

    @Nested
    class StopARunningInstance {
        @Test
        void withoutDrainTimeoutItStopsAtOnce() {
            assertThat(stop(RUNNING, null, null)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void withADrainTimeoutItDrainsUntilNowPlusTheTimeout() {
            assertThat(stop(RUNNING, 30_000L, null))
                    .isEqualTo(new Transition(RUNNING, DRAINING, Instant.parse("2025-03-01T12:00:30.123Z")));
        }

        @Test
        void withTheSmallestDrainTimeoutItDrainsForOneMillisecond() {
            assertThat(stop(RUNNING, 1L, null)).isEqualTo(new Transition(RUNNING, DRAINING, NOW.plusMillis(1)));
        }

        @Test
        void withTheLargestDrainTimeoutItDrainsFor24Hours() {
            assertThat(stop(RUNNING, MAX, null))
                    .isEqualTo(new Transition(RUNNING, DRAINING, Instant.parse("2025-03-02T12:00:00.123Z")));
        }

        @Test
        void withAZeroDrainTimeoutItStopsAtOnce() {
            assertThat(stop(RUNNING, 0L, null)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void withForceItStopsAtOnce() {
            assertThat(stop(RUNNING, null, true)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void withForceAndADrainTimeoutForceWinsAndItStopsAtOnce() {
            assertThat(stop(RUNNING, 30_000L, true)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void withForceAndAZeroDrainTimeoutItStopsAtOnce() {
            assertThat(stop(RUNNING, 0L, true)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void forceFalseIsLikeNoForce() {
            assertThat(stop(RUNNING, 30_000L, false)).isEqualTo(stop(RUNNING, 30_000L, null));
            assertThat(stop(RUNNING, null, false)).isEqualTo(new Transition(RUNNING, STOPPED, null));
        }

        @Test
        void theDeadlineFollowsTheGivenClock() {
            Instant later = NOW.plusSeconds(3600);

            assertThat(InstanceTransitions.stop(NAME, RUNNING, 500L, null, later).drainDeadline())
                    .isEqualTo(later.plusMillis(500));
        }
    }

    @Nested
    class StopADrainingInstance {
        @Test
        void withoutDrainTimeoutItStopsAtOnce() {
            assertThat(stop(DRAINING, null, null)).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @Test
        void withAZeroDrainTimeoutItStopsAtOnce() {
            assertThat(stop(DRAINING, 0L, null)).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @Test
        void withForceItStopsAtOnce() {
            assertThat(stop(DRAINING, null, true)).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @Test
        void withForceAndADrainTimeoutItStopsAtOnce() {
            assertThat(stop(DRAINING, 30_000L, true)).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @Test
        void withForceAndAZeroDrainTimeoutItStopsAtOnce() {
            assertThat(stop(DRAINING, 0L, true)).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @ParameterizedTest(name = "drain_timeout_ms {0}")
        @ValueSource(longs = {1L, 30_000L, MAX})
        void withADrainTimeoutAndNoForceItIsRefusedBecauseItIsAlreadyDraining(long timeout) {
            RuleViolation violation = assertViolation(ErrorCode.NOT_ALLOWED, () -> stop(DRAINING, timeout, null),
                    "instance " + NAME, "already draining", "force");
            assertReadable(violation);
            assertThat(violation.code().code()).isEqualTo(14);
        }

        @Test
        void withADrainTimeoutAndForceFalseItIsRefused() {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> stop(DRAINING, 30_000L, false), NAME, "already draining");
        }
    }

    @Nested
    class StopAStoppedInstance {
        static Stream<Arguments> everyStopOption() {
            return Stream.of(
                    Arguments.of(null, null), Arguments.of(0L, null), Arguments.of(30_000L, null),
                    Arguments.of(null, true), Arguments.of(30_000L, true), Arguments.of(0L, true),
                    Arguments.of(null, false), Arguments.of(30_000L, false), Arguments.of(MAX, null));
        }

        @ParameterizedTest(name = "drain_timeout_ms {0}, force {1}")
        @MethodSource("everyStopOption")
        void isRefusedBecauseItIsAlreadyStopped(Long timeout, Boolean force) {
            RuleViolation violation = assertViolation(ErrorCode.NOT_ALLOWED, () -> stop(STOPPED, timeout, force),
                    "instance " + NAME, "already stopped");
            assertReadable(violation);
        }
    }

    @Nested
    class Start {
        @Test
        void aStoppedInstanceRuns() {
            assertThat(InstanceTransitions.start(NAME, STOPPED)).isEqualTo(new Transition(STOPPED, RUNNING, null));
        }

        @Test
        void aRunningInstanceIsRefusedBecauseItIsAlreadyRunning() {
            RuleViolation violation = assertViolation(ErrorCode.NOT_ALLOWED,
                    () -> InstanceTransitions.start(NAME, RUNNING), "instance " + NAME, "already running");
            assertReadable(violation);
        }

        @Test
        void aDrainingInstanceIsRefusedUntilItHasStopped() {
            RuleViolation violation = assertViolation(ErrorCode.NOT_ALLOWED,
                    () -> InstanceTransitions.start(NAME, DRAINING), "instance " + NAME, "draining", "stopped");
            assertReadable(violation);
        }
    }

    @Nested
    class DrainTimeoutRange {
        @ParameterizedTest(name = "{0}")
        @EnumSource(InstanceState.class)
        void zeroAndTheMaximumAreAccepted(InstanceState state) {
            for (long timeout : new long[] {0L, MAX}) {
                Throwable thrown = catchThrowable(() -> stop(state, timeout, true));
                if (thrown != null) {
                    assertThat(thrown).isInstanceOf(RuleViolation.class);
                    assertThat(((RuleViolation) thrown).code()).as("only the state can refuse %d", timeout)
                            .isEqualTo(ErrorCode.NOT_ALLOWED);
                }
            }
        }

        static Stream<Arguments> outOfRange() {
            List<Arguments> cases = new ArrayList<>();
            for (InstanceState state : InstanceState.values()) {
                for (long timeout : new long[] {-1L, MAX + 1, Long.MIN_VALUE, Long.MAX_VALUE}) {
                    for (Boolean force : new Boolean[] {null, true}) {
                        cases.add(Arguments.of(state, timeout, force));
                    }
                }
            }
            return cases.stream();
        }

        @ParameterizedTest(name = "{0}, drain_timeout_ms {1}, force {2}")
        @MethodSource("outOfRange")
        void outOfRangeIsInvalidWhateverTheStateAndForce(InstanceState state, long timeout, Boolean force) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> stop(state, timeout, force),
                    "drain_timeout_ms", String.valueOf(timeout), "0-86400000");
            assertReadable(violation);
            assertThat(violation.code().code()).isEqualTo(7);
        }

        @Test
        void negativeIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> stop(RUNNING, -1L, null),
                    "drain_timeout_ms: -1 is out of range 0-86400000");
        }

        @Test
        void oneMillisecondOverADayIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> stop(RUNNING, 86_400_001L, null),
                    "drain_timeout_ms: 86400001 is out of range 0-86400000");
        }
    }

    /** The whole table, state × action: exactly the four allowed transitions exist. */
    @Nested
    class WholeTable {
        private record Action(String label, Long drain, Boolean force, boolean start) {
        }

        private final List<Action> actions = List.of(
                new Action("stop", null, null, false),
                new Action("stop drain 0", 0L, null, false),
                new Action("stop drain 5000", 5_000L, null, false),
                new Action("stop force", null, true, false),
                new Action("stop force drain 5000", 5_000L, true, false),
                new Action("stop force drain 0", 0L, true, false),
                new Action("start", null, null, true));

        private InstanceState expected(InstanceState from, Action action) {
            if (action.start()) {
                return from == STOPPED ? RUNNING : null;
            }
            boolean drains = action.drain() != null && action.drain() > 0 && !Boolean.TRUE.equals(action.force());
            return switch (from) {
                case RUNNING -> drains ? DRAINING : STOPPED;
                case DRAINING -> drains ? null : STOPPED;
                case STOPPED -> null;
            };
        }

        @Test
        void everyStateAndActionGivesTheExpectedTransitionOrIsRefused() {
            Set<String> allowed = new LinkedHashSet<>();
            for (InstanceState from : InstanceState.values()) {
                for (Action action : actions) {
                    InstanceState to = expected(from, action);
                    Throwable thrown = catchThrowable(() -> {
                        Transition transition = action.start() ? InstanceTransitions.start(NAME, from)
                                : stop(from, action.drain(), action.force());
                        assertThat(transition.from()).as("%s %s", from, action.label()).isEqualTo(from);
                        assertThat(transition.to()).as("%s %s", from, action.label()).isEqualTo(to);
                        assertThat(transition.to()).isNotEqualTo(from);
                        assertThat(transition.drainDeadline()).as("%s %s", from, action.label())
                                .isEqualTo(to == DRAINING ? NOW.plusMillis(action.drain()) : null);
                        allowed.add(from + "->" + to);
                    });
                    if (to == null) {
                        assertThat(thrown).as("%s %s is refused", from, action.label())
                                .isInstanceOf(RuleViolation.class);
                        assertThat(((RuleViolation) thrown).code()).isEqualTo(ErrorCode.NOT_ALLOWED);
                        assertThat(thrown.getMessage()).startsWith("instance " + NAME + " ");
                    } else {
                        assertThat(thrown).as("%s %s is allowed", from, action.label()).isNull();
                    }
                }
            }
            assertThat(allowed).containsExactlyInAnyOrder(
                    "RUNNING->DRAINING", "RUNNING->STOPPED", "DRAINING->STOPPED", "STOPPED->RUNNING");
        }

        @Test
        void aRefusalIsTheSameWhateverTheClock() {
            Throwable early = catchThrowable(() -> InstanceTransitions.stop(NAME, STOPPED, null, null, Instant.EPOCH));
            Throwable late = catchThrowable(() -> InstanceTransitions.stop(NAME, STOPPED, null, null, NOW));

            assertThat(early).hasMessage(late.getMessage());
        }
    }

    @Nested
    class Drained {
        @Test
        void aDrainedInstanceGoesFromDrainingToStopped() {
            assertThat(InstanceTransitions.drained()).isEqualTo(new Transition(DRAINING, STOPPED, null));
        }

        @Test
        void isTheStopThatEndsADrain() {
            assertThat(stop(DRAINING, null, null)).isEqualTo(InstanceTransitions.drained());
        }
    }
}
