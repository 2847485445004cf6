package io.servicegroups.api.groups;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.servicegroups.api.json.JsonOut;
import io.servicegroups.api.json.JsonWritable;
import java.util.List;

/** The {@code data} of a service group answer: one item per requested object, in order. */
@RegisterForReflection
public record ServiceGroupsData(@JsonProperty("service_groups") List<ServiceGroupItem> serviceGroups)
        implements JsonWritable {
    private static final byte[] SERVICE_GROUPS = JsonOut.name("service_groups");

    @Override
    public void writeJson(JsonOut out) {
        out.startObject().field(SERVICE_GROUPS);
        out.values(serviceGroups).endObject();
    }
}
