package io.servicegroups.api.instances;

import static io.servicegroups.api.json.FieldNames.INSTANCES;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.servicegroups.api.json.JsonOut;
import io.servicegroups.api.json.JsonWritable;
import java.util.List;

/** The {@code data} of an instance answer: one item per requested object, in order. */
@RegisterForReflection
public record InstancesData(List<InstanceItem> instances) implements JsonWritable {

    @Override
    public void writeJson(JsonOut out) {
        out.startObject().field(INSTANCES);
        out.values(instances).endObject();
    }
}
