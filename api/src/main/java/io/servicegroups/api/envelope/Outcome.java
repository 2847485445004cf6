package io.servicegroups.api.envelope;

import io.servicegroups.core.RuleViolation;

/**
 * The outcome of one item of a batch: a value, or the rule it broke.
 *
 * @param uuid the uuid the item named, if any (as given)
 * @param name the name the item named, if any
 */
public record Outcome<T>(T value, RuleViolation failure, String uuid, String name) {
    public static <T> Outcome<T> success(T value) {
        return new Outcome<>(value, null, null, null);
    }

    public static <T> Outcome<T> failure(RuleViolation failure, String uuid, String name) {
        return new Outcome<>(null, failure, uuid, name);
    }

    public boolean failed() {
        return failure != null;
    }
}
