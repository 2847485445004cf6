package io.servicegroups.api.request;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI schema of an item naming an object: uuid or name, not both. */
@RegisterForReflection
@Schema(name = "ItemRef", description = "Names an object by uuid or by name (both: error 17, neither: error 13)")
public record ItemRefRequest(@Schema(example = "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2") String uuid,
                             @Schema(example = "my-project") String name) {
}
