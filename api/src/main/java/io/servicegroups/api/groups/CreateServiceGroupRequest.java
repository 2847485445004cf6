package io.servicegroups.api.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI schema of a create item; bodies are read by {@link ServiceGroupRequests}, which enforces it. */
@RegisterForReflection
@Schema(name = "CreateServiceGroup", description = "A service group to create (unknown fields are refused)")
public record CreateServiceGroupRequest(
        @Schema(description = "1-63 of [a-z0-9-], starting with a letter; generated when absent",
                example = "my-project", pattern = NAME_PATTERN, maxLength = 63) String name,
        @JsonProperty("dns_name") @Schema(description = "Without trailing dot: expanded with the metro domain."
                + " With trailing dot: a fully-qualified name taken as is (experimental, unencrypted HTTP only)."
                + " Absent: derived from name plus 8 random characters", example = "my-project", maxLength = 254)
        String dnsName,
        @Schema(required = true, description = "Published ports; may be empty, at most 64")
        List<ServiceRequest> services,
        @Schema(description = "Compatibility with newer clients: [{\"name\": X}] means dns_name X")
        List<DomainRequest> domains,
        @JsonProperty("soft_limit") @Schema(description = "1-65535, default 1", example = "1", minimum = "1",
                maximum = "65535") Integer softLimit,
        @JsonProperty("hard_limit") @Schema(description = "1-65535, default 65535", example = "65535", minimum = "1",
                maximum = "65535") Integer hardLimit) {
    /** Names of groups and instances (SPEC 3.4). */
    public static final String NAME_PATTERN = "^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$";

    /** A port to publish. */
    @Schema(name = "PublishService")
    public record ServiceRequest(
            @Schema(required = true, description = "Public port 1-65535", example = "443", minimum = "1",
                    maximum = "65535") int port,
            @JsonProperty("destination_port") @Schema(description = "Port the instances listen on, 1-65535;"
                    + " default: port", example = "8080", minimum = "1", maximum = "65535") Integer destinationPort,
            @Schema(description = "tls, http, redirect. Port 80: http, no tls. Port 443: tls and http."
                    + " redirect: only on 80 to destination 443. Other ports: tls, no http.",
                    example = "[\"tls\", \"http\"]") List<String> handlers) {
    }

    /** One custom domain. */
    @Schema(name = "DomainRequest")
    public record DomainRequest(@Schema(required = true, example = "my-project") String name) {
    }
}
