package io.servicegroups.api.envelope;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** Something the client should know although the request succeeded. */
@RegisterForReflection
public record Warning(String message) {
}
