package io.servicegroups.api.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The {@code data} of a service group answer: one item per requested object, in order. */
@RegisterForReflection
public record ServiceGroupsData(@JsonProperty("service_groups") List<ServiceGroupItem> serviceGroups) {
}
