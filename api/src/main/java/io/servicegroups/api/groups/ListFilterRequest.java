package io.servicegroups.api.groups;

import io.quarkus.runtime.annotations.RegisterForReflection;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI schema of the list filters; read by {@link ServiceGroupRequests#filter}. */
@RegisterForReflection
@Schema(name = "ServiceGroupListFilter")
public record ListFilterRequest(@Schema(description = "Only groups with this persistence") Boolean persistent,
                                @Schema(description = "Exact DNS name, case-insensitive, trailing dot optional",
                                        example = "young-monkey-uq6dxq0u.fra0.kraft.host") String fqdn) {
}
