package io.servicegroups.core;

/** Numeric error codes of the platform's clients (SPEC 1). Numbers are stable. */
public enum ErrorCode {
    UNKNOWN_ERROR(0),
    NOT_SUPPORTED(1),
    WRONG_METHOD(2),
    TOO_MANY(5),
    INVALID(7),
    NOT_FOUND(8),
    MISSING_ID(13),
    NOT_ALLOWED(14),
    ATTACHED(15),
    MALFORMED_REQUEST(16),
    NOT_BOTH(17),
    QUOTA(19),
    NOT_ATTACHED(21),
    TOO_LONG(22),
    ALREADY_EXISTS(23);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
