package io.servicegroups.api.errors;

import io.servicegroups.core.ErrorCode;

/** A failure of the request as a whole: answered with a non-200 status and the envelope's {@code errors}. */
public final class RequestFailure extends RuntimeException {
    private final int status;
    private final ErrorCode code;

    public RequestFailure(int status, ErrorCode code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RequestFailure badRequest(String message) {
        return new RequestFailure(400, ErrorCode.MALFORMED_REQUEST, message);
    }

    /** A broken rule that concerns the request as a whole (a query parameter), not one of its items. */
    public static RequestFailure of(io.servicegroups.core.RuleViolation violation) {
        return new RequestFailure(400, violation.code(), violation.getMessage());
    }

    public int status() {
        return status;
    }

    public ErrorCode code() {
        return code;
    }
}
