package io.servicegroups.api.instances;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.servicegroups.api.groups.CreateServiceGroupRequest;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** OpenAPI schema of an instance to create; bodies are read by {@link InstanceRequests}, which enforces it. */
@RegisterForReflection
@Schema(name = "CreateInstance", description = "An instance to register (unknown fields are refused)")
public record CreateInstanceRequest(
        @Schema(description = "Same rules as group names; generated when absent", example = "nginx-1",
                pattern = CreateServiceGroupRequest.NAME_PATTERN, maxLength = 63) String name,
        @Schema(required = true, description = "Host name, IPv4 or IPv6 address (no port: the group's"
                + " destination_port is used)", example = "10.0.0.7") String address,
        @JsonProperty("service_group") ServiceGroupChoiceRequest serviceGroup) {

    /** Either a reference (uuid or name) or the fields of a new implicit group. */
    @Schema(name = "InstanceServiceGroupChoice", description = "uuid or name of an existing group, or the fields of"
            + " a new implicit group (as for a service group, without name)")
    public record ServiceGroupChoiceRequest(
            @Schema(description = "An existing group's uuid") String uuid,
            @Schema(description = "An existing group's name") String name,
            @Schema(description = "A new implicit group's ports") List<CreateServiceGroupRequest.ServiceRequest> services,
            @JsonProperty("dns_name") @Schema(description = "A new implicit group's DNS name") String dnsName,
            @Schema(description = "A new implicit group's DNS name, as newer clients give it")
            List<CreateServiceGroupRequest.DomainRequest> domains,
            @JsonProperty("soft_limit") @Schema(minimum = "1", maximum = "65535") Integer softLimit,
            @JsonProperty("hard_limit") @Schema(minimum = "1", maximum = "65535") Integer hardLimit) {
    }
}
