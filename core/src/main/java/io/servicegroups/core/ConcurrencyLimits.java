package io.servicegroups.core;

/**
 * Per-instance concurrency limits, accepted for compatibility with newer clients (SPEC 3.2).
 * The gateway uses them: above {@code soft} an instance is avoided, at {@code hard} it takes no more.
 */
public record ConcurrencyLimits(int soft, int hard) {
    public static final int MIN = 1;
    public static final int MAX = 65535;
    public static final ConcurrencyLimits DEFAULT = new ConcurrencyLimits(MIN, MAX);

    /** Validates the requested limits; null means "use the default". */
    public static ConcurrencyLimits of(Long soft, Long hard) {
        int s = soft == null ? DEFAULT.soft : check("soft_limit", soft);
        int h = hard == null ? DEFAULT.hard : check("hard_limit", hard);
        if (s > h) {
            throw RuleViolation.invalid("soft_limit: " + s + " is greater than hard_limit " + h);
        }
        return new ConcurrencyLimits(s, h);
    }

    private static int check(String field, long value) {
        if (value < MIN || value > MAX) {
            throw RuleViolation.invalid(field + ": " + value + " is out of range " + MIN + "-" + MAX);
        }
        return (int) value;
    }
}
