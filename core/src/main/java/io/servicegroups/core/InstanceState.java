package io.servicegroups.core;

import java.util.Optional;

/** States of an instance (SPEC 4). Only running instances receive traffic. */
public enum InstanceState {
    RUNNING("running"),
    DRAINING("draining"),
    STOPPED("stopped");

    private final String wireName;

    InstanceState(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<InstanceState> fromWireName(String name) {
        for (InstanceState state : values()) {
            if (state.wireName.equals(name)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
