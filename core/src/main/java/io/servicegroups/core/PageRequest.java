package io.servicegroups.core;

import java.util.UUID;

/**
 * A page of the "all objects" listing: ordered by creation time then uuid, starting after {@code after}.
 *
 * @param after the uuid of the last object of the previous page, or null for the first page
 */
public record PageRequest(int count, UUID after) {
    public static final int DEFAULT_COUNT = 100;
    public static final int MAX_COUNT = 1000;

    /** @throws RuleViolation for a count outside 1-1000 */
    public static PageRequest of(Long count, UUID after) {
        if (count == null) {
            return new PageRequest(DEFAULT_COUNT, after);
        }
        if (count < 1 || count > MAX_COUNT) {
            throw RuleViolation.invalid("count: " + count + " is out of range 1-" + MAX_COUNT);
        }
        return new PageRequest(count.intValue(), after);
    }
}
