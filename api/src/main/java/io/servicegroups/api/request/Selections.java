package io.servicegroups.api.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.json.JsonBody;
import io.servicegroups.api.json.JsonFields;
import io.servicegroups.core.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which objects a GET or DELETE names: a body of {uuid}/{name} items, or uuid/name query parameters. */
public final class Selections {
    private Selections() {
    }

    /** The identifiers given; an empty list when none are. Body and query parameters do not mix. */
    public static List<RawRef> refs(Optional<JsonNode> body, List<String> uuids, List<String> names, int maxItems) {
        boolean inQuery = !uuids.isEmpty() || !names.isEmpty();
        if (body.isPresent()) {
            if (inQuery) {
                throw RequestFailure.badRequest("name the objects either in the body or with uuid/name query"
                        + " parameters, not both");
            }
            return JsonBody.items(body.get(), maxItems, "uuid", "name").stream()
                    .map(Selections::ref).toList();
        }
        if (uuids.size() + names.size() > maxItems) {
            throw new RequestFailure(400, ErrorCode.TOO_MANY, "at most " + maxItems
                    + " items are accepted in one request, got " + (uuids.size() + names.size()));
        }
        List<RawRef> refs = new ArrayList<>();
        uuids.forEach(uuid -> refs.add(new RawRef(uuid, null)));
        names.forEach(name -> refs.add(new RawRef(null, name)));
        return refs;
    }

    private static RawRef ref(JsonFields item) {
        return new RawRef(item.string("uuid"), item.string("name"));
    }

    /**
     * Local scope ({@code /v1/<resource>/<uuid>}): the body may repeat the path's uuid, nothing else.
     */
    public static void checkLocalScope(Optional<JsonNode> body, String pathUuid) {
        if (body.isEmpty()) {
            return;
        }
        List<JsonFields> items = JsonBody.items(body.get(), 1, "uuid", "name");
        JsonFields item = items.get(0);
        String uuid = item.string("uuid");
        if (items.size() != 1 || item.has("name") || (uuid != null && !uuid.equalsIgnoreCase(pathUuid))) {
            throw RequestFailure.badRequest("uuid and name are not allowed in the body in local scope: the path"
                    + " already names the object");
        }
    }
}
