package io.servicegroups.api.instances;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.groups.ServiceGroupRequests;
import io.servicegroups.api.instances.InstanceService.Stop;
import io.servicegroups.api.json.JsonBody;
import io.servicegroups.api.json.JsonFields;
import io.servicegroups.api.request.RawRef;
import io.servicegroups.api.request.Selections;
import io.servicegroups.core.NewInstance;
import io.servicegroups.core.NewServiceGroup;
import java.util.List;
import java.util.Optional;

/** Reads instance request bodies into core types; type errors and unknown fields fail the request. */
final class InstanceRequests {
    static final String[] CREATE_FIELDS = {"name", "address", "service_group"};
    static final String[] GROUP_FIELDS = {"uuid", "name", "services", "dns_name", "domains", "soft_limit",
            "hard_limit"};
    static final String[] NEW_GROUP_FIELDS = {"services", "dns_name", "domains", "soft_limit", "hard_limit"};
    static final String[] STOP_FIELDS = {"uuid", "name", "drain_timeout_ms", "force"};
    static final String[] START_FIELDS = {"uuid", "name"};

    private InstanceRequests() {
    }

    static List<NewInstance> creates(JsonNode body, int maxItems) {
        return JsonBody.items(body, maxItems, CREATE_FIELDS).stream().map(InstanceRequests::create).toList();
    }

    private static NewInstance create(JsonFields item) {
        JsonFields group = item.object("service_group", GROUP_FIELDS);
        return new NewInstance(item.string("name"), item.string("address"), group == null ? null
                : new NewInstance.ServiceGroupRequest(group.string("uuid"), group.string("name"), newGroup(group)));
    }

    /** The implicit group, when any of its fields is given. */
    private static NewServiceGroup newGroup(JsonFields group) {
        for (String field : NEW_GROUP_FIELDS) {
            if (group.has(field)) {
                return ServiceGroupRequests.create(group);
            }
        }
        return null;
    }

    static List<Stop> stops(Optional<JsonNode> body, int maxItems) {
        return JsonBody.items(required(body, "stop"), maxItems, STOP_FIELDS).stream()
                .map(item -> new Stop(new RawRef(item.string("uuid"), item.string("name")),
                        item.integer("drain_timeout_ms"), item.bool("force")))
                .toList();
    }

    /** Local scope: options only, the uuid if it repeats the path's. */
    static Stop localStop(String uuid, Optional<JsonNode> body) {
        Optional<JsonFields> item = Selections.local(uuid, body, STOP_FIELDS);
        return new Stop(new RawRef(uuid, null), item.map(i -> i.integer("drain_timeout_ms")).orElse(null),
                item.map(i -> i.bool("force")).orElse(null));
    }

    static List<RawRef> starts(Optional<JsonNode> body, int maxItems) {
        return JsonBody.items(required(body, "start"), maxItems, START_FIELDS).stream()
                .map(item -> new RawRef(item.string("uuid"), item.string("name")))
                .toList();
    }

    private static JsonNode required(Optional<JsonNode> body, String action) {
        return body.orElseThrow(() -> RequestFailure.badRequest("name the instances to " + action
                + ": a body [{\"uuid\": ...}] or [{\"name\": ...}]"));
    }
}
