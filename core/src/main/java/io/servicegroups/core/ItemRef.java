package io.servicegroups.core;

import java.util.UUID;

/** How a request item names an object: by uuid or by name, never both (SPEC 2). */
public sealed interface ItemRef {
    record ByUuid(UUID uuid) implements ItemRef {
        @Override
        public String toString() {
            return uuid.toString();
        }
    }

    record ByName(String name) implements ItemRef {
        @Override
        public String toString() {
            return "\"" + name + "\"";
        }
    }

    /**
     * @throws RuleViolation {@link ErrorCode#NOT_BOTH} for both, {@link ErrorCode#MISSING_ID} for neither,
     *                       {@link ErrorCode#INVALID} for a malformed uuid or a name with U+0000 (which no
     *                       object's name has, and which the database cannot take)
     */
    static ItemRef of(String uuid, String name) {
        if (uuid != null && name != null) {
            throw new RuleViolation(ErrorCode.NOT_BOTH, "give either uuid or name, not both");
        }
        if (uuid != null) {
            return new ByUuid(Uuids.parse(uuid).orElseThrow(() -> RuleViolation.invalid("uuid: \""
                    + Text.abbreviate(uuid) + "\" is not a valid UUID")));
        }
        if (name != null) {
            if (name.indexOf('\u0000') >= 0) {
                throw RuleViolation.invalid("name: \"" + Text.abbreviate(name) + "\" contains U+0000");
            }
            return new ByName(name);
        }
        throw new RuleViolation(ErrorCode.MISSING_ID, "give a uuid or a name");
    }
}
