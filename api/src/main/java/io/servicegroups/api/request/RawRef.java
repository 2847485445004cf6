package io.servicegroups.api.request;

import io.servicegroups.core.ItemRef;

/** An item's identifiers as given, checked per item so that one bad item does not fail the batch. */
public record RawRef(String uuid, String name) {
    /** @throws io.servicegroups.core.RuleViolation codes 13, 17 or 7 (SPEC 2) */
    public ItemRef resolve() {
        return ItemRef.of(uuid, name);
    }
}
