package io.servicegroups.persistence;

import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.RuleViolation;
import io.vertx.pgclient.PgException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Turns violations of the schema's constraints into the domain's errors; everything else passes unchanged. */
final class UniqueViolations {
    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private UniqueViolations() {
    }

    /**
     * @param messages constraint name → message of the {@link RuleViolation} to raise, with its code
     */
    static Throwable translate(Throwable failure, Map<String, RuleViolation> messages) {
        return constraint(failure).map(messages::get).<Throwable>map(Function.identity()).orElse(failure);
    }

    static RuleViolation alreadyExists(String message) {
        return new RuleViolation(ErrorCode.ALREADY_EXISTS, message);
    }

    /** The name of the unique or foreign-key constraint that {@code failure} violated, if it is one. */
    static Optional<String> constraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg
                    && (UNIQUE.equals(pg.getSqlState()) || FOREIGN_KEY.equals(pg.getSqlState()))) {
                return Optional.ofNullable(pg.getConstraint());
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return Optional.empty();
    }
}
