package io.servicegroups.core;

/**
 * The group a new instance joins (SPEC 4): none (a private instance), an existing group of the caller by
 * uuid or name, or a new implicit group owned by the instance.
 */
public sealed interface ServiceGroupChoice {
    record None() implements ServiceGroupChoice {
    }

    record Existing(ItemRef ref) implements ServiceGroupChoice {
    }

    record Implicit(NewServiceGroup group) implements ServiceGroupChoice {
    }

    /**
     * @param implicit the new group described by {@code services}/{@code dns_name}..., or null
     * @throws RuleViolation when a reference comes with a new group's fields, or nothing is named
     */
    static ServiceGroupChoice of(String uuid, String name, NewServiceGroup implicit) {
        if (implicit != null) {
            if (uuid != null || name != null) {
                throw RuleViolation.invalid("service_group: give either uuid or name of an existing group, or"
                        + " services for a new one, not both");
            }
            return new Implicit(implicit);
        }
        if (uuid == null && name == null) {
            throw new RuleViolation(ErrorCode.MISSING_ID, "service_group: give uuid or name of an existing group,"
                    + " or services for a new one");
        }
        try {
            return new Existing(ItemRef.of(uuid, name));
        } catch (RuleViolation violation) {
            throw new RuleViolation(violation.code(), "service_group: " + violation.getMessage());
        }
    }
}
