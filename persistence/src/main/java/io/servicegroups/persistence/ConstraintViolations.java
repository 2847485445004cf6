package io.servicegroups.persistence;

import io.servicegroups.core.ErrorCode;
import io.servicegroups.core.RuleViolation;
import io.vertx.pgclient.PgException;
import java.util.Map;
import java.util.Optional;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Turns violations of the schema's unique and foreign-key constraints into the domain's errors; everything else
 * passes unchanged.
 */
final class ConstraintViolations {
    private static final String UNIQUE = "23505";
    private static final String FOREIGN_KEY = "23503";

    private ConstraintViolations() {
    }

    /**
     * @param violations constraint name → the {@link RuleViolation} to raise instead
     */
    static Throwable translate(Throwable failure, Map<String, RuleViolation> violations) {
        return constraint(failure, violations).<Throwable>map(violations::get).orElse(failure);
    }

    static RuleViolation alreadyExists(String message) {
        return new RuleViolation(ErrorCode.ALREADY_EXISTS, message);
    }

    /**
     * The unique or foreign-key constraint that {@code failure} violated. Hibernate Reactive reports it as
     * a {@link ConstraintViolationException}, the bare client as a {@link PgException}.
     */
    private static Optional<String> constraint(Throwable failure, Map<String, ?> known) {
        for (Throwable cause = failure; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                String name = violation.getConstraintName();
                return Optional.ofNullable(name != null ? name : mentioned(violation.getMessage(), known));
            }
            if (cause instanceof PgException pg
                    && (UNIQUE.equals(pg.getSqlState()) || FOREIGN_KEY.equals(pg.getSqlState()))) {
                return Optional.ofNullable(pg.getConstraint());
            }
        }
        return Optional.empty();
    }

    private static String mentioned(String message, Map<String, ?> known) {
        if (message == null) {
            return null;
        }
        return known.keySet().stream().filter(message::contains).findFirst().orElse(null);
    }
}
