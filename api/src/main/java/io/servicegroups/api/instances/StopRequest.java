package io.servicegroups.api.instances;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI schema of a stop item. */
@RegisterForReflection
@Schema(name = "StopInstance")
public record StopRequest(
        @Schema(description = "Not in local scope") String uuid,
        @Schema(description = "Not in local scope") String name,
        @JsonProperty("drain_timeout_ms") @Schema(description = "0-86400000; drain this long before stopping",
                example = "30000", minimum = "0", maximum = "86400000") Long drainTimeoutMs,
        @Schema(description = "Stop at once, also a draining instance") Boolean force) {
}
