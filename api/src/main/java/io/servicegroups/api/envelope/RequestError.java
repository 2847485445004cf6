package io.servicegroups.api.envelope;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A failure of the request as a whole. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RequestError(
        @Schema(description = "HTTP status", example = "400") int status,
        String message,
        @Schema(description = "Numeric error code (SPEC 1)", example = "16") Integer error) {
}
