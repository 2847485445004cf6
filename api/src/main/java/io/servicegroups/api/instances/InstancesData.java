package io.servicegroups.api.instances;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.servicegroups.api.json.JsonOut;
import io.servicegroups.api.json.JsonWritable;
import java.util.List;

/** The {@code data} of an instance answer: one item per requested object, in order. */
@RegisterForReflection
public record InstancesData(List<InstanceItem> instances) implements JsonWritable {
    private static final byte[] INSTANCES = JsonOut.name("instances");

    @Override
    public void writeJson(JsonOut out) {
        out.startObject().field(INSTANCES);
        out.values(instances).endObject();
    }
}
