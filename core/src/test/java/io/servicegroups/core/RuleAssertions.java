package io.servicegroups.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Shared assertions for {@link RuleViolation}s: exact code, and message fragments (field, value, rule). */
final class RuleAssertions {
    private RuleAssertions() {
    }

    /**
     * Asserts that {@code call} throws a {@link RuleViolation} with {@code code} whose message contains every
     * fragment, and returns it for further checks.
     */
    static RuleViolation assertViolation(ErrorCode code, ThrowingCallable call, String... fragments) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("expected a RuleViolation with code %s", code).isInstanceOf(RuleViolation.class);
        RuleViolation violation = (RuleViolation) thrown;
        assertThat(violation.code()).as("code of \"%s\"", violation.getMessage()).isEqualTo(code);
        assertThat(violation.getMessage()).contains(fragments);
        return violation;
    }

    /** Messages are for users: no class names or stack-trace fragments. */
    static void assertReadable(RuleViolation violation) {
        assertThat(violation.getMessage())
                .doesNotContain("io.servicegroups", "Exception", "java.", "null");
        assertThat(violation.getStackTrace()).as("no stack trace is filled in").isEmpty();
    }
}
