package io.servicegroups.core;

import java.util.Objects;

/** A value breaks a domain rule. The message names the offending field and value. */
public final class RuleViolation extends RuntimeException {
    private final ErrorCode code;

    public RuleViolation(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = Objects.requireNonNull(code);
    }

    public static RuleViolation invalid(String message) {
        return new RuleViolation(ErrorCode.INVALID, message);
    }

    public ErrorCode code() {
        return code;
    }
}
