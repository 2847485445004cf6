package io.servicegroups.core;

import java.time.Duration;
import java.time.Instant;

/**
 * The instance state machine: {@code running → draining → stopped}, {@code running → stopped},
 * {@code stopped → running}. Every other transition is refused (code 14) and changes nothing.
 */
public final class InstanceTransitions {
    public static final long MAX_DRAIN_TIMEOUT_MS = Duration.ofHours(24).toMillis();

    private InstanceTransitions() {
    }

    /**
     * The state after a transition; {@code drainDeadline} is set only for {@link InstanceState#DRAINING}.
     */
    public record Transition(InstanceState from, InstanceState to, Instant drainDeadline) {
    }

    /**
     * Stop: with a drain timeout a running instance drains until the deadline, otherwise it stops at once.
     * {@code force} stops at once, also a draining instance.
     *
     * @param drainTimeoutMs null or 0: no draining
     */
    public static Transition stop(String instance, InstanceState current, Long drainTimeoutMs, Boolean force,
                                  Instant now) {
        long drain = checkDrainTimeout(drainTimeoutMs);
        boolean forced = Boolean.TRUE.equals(force);
        return switch (current) {
            case RUNNING -> drain > 0 && !forced
                    ? new Transition(current, InstanceState.DRAINING, now.plusMillis(drain))
                    : new Transition(current, InstanceState.STOPPED, null);
            case DRAINING -> {
                if (drain > 0 && !forced) {
                    throw refused(instance, "is already draining; stop it without drain_timeout_ms, or with"
                            + " force, to stop it at once");
                }
                yield new Transition(current, InstanceState.STOPPED, null);
            }
            case STOPPED -> throw refused(instance, "is already stopped");
        };
    }

    /** Start: only a stopped instance starts. */
    public static Transition start(String instance, InstanceState current) {
        return switch (current) {
            case STOPPED -> new Transition(current, InstanceState.RUNNING, null);
            case RUNNING -> throw refused(instance, "is already running");
            case DRAINING -> throw refused(instance, "is draining; it can be started once it has stopped");
        };
    }

    /** The drain deadline passed (or its last connection closed): a draining instance stops. */
    public static Transition drained() {
        return new Transition(InstanceState.DRAINING, InstanceState.STOPPED, null);
    }

    private static long checkDrainTimeout(Long value) {
        if (value == null) {
            return 0;
        }
        if (value < 0 || value > MAX_DRAIN_TIMEOUT_MS) {
            throw RuleViolation.invalid("drain_timeout_ms: " + value + " is out of range 0-" + MAX_DRAIN_TIMEOUT_MS);
        }
        return value;
    }

    private static RuleViolation refused(String instance, String why) {
        return new RuleViolation(ErrorCode.NOT_ALLOWED, "instance " + instance + " " + why);
    }
}
