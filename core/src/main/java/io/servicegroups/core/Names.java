package io.servicegroups.core;

/**
 * Object names (SPEC 3.4): 1-63 characters of lowercase letters, digits and '-',
 * starting with a letter and not ending with '-'.
 */
public final class Names {
    public static final int MAX_LENGTH = 63;

    private Names() {
    }

    /** Checks {@code value}; {@code field} names it in the message. */
    public static void check(String field, String value) {
        if (value.isEmpty()) {
            throw RuleViolation.invalid(field + ": must not be empty");
        }
        if (value.length() > MAX_LENGTH) {
            throw new RuleViolation(ErrorCode.TOO_LONG,
                    field + ": \"" + Text.abbreviate(value) + "\" is " + value.length()
                            + " characters long, at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!isLowerAlnum(c) && c != '-') {
                throw RuleViolation.invalid(field + ": \"" + Text.abbreviate(value) + "\" contains "
                        + Text.describe(c) + "; only lowercase letters a-z, digits and '-' are allowed");
            }
        }
        if (!isLetter(value.charAt(0))) {
            throw RuleViolation.invalid(field + ": \"" + value + "\" must start with a lowercase letter");
        }
        if (value.endsWith("-")) {
            throw RuleViolation.invalid(field + ": \"" + value + "\" must not end with '-'");
        }
    }

    static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    static boolean isLowerAlnum(char c) {
        return isLetter(c) || (c >= '0' && c <= '9');
    }
}
