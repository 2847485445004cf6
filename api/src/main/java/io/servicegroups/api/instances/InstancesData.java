package io.servicegroups.api.instances;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The {@code data} of an instance answer: one item per requested object, in order. */
@RegisterForReflection
public record InstancesData(List<InstanceItem> instances) {
}
