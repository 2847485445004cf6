package io.servicegroups.api.request;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.json.JsonBody;
import io.servicegroups.api.json.JsonFields;
import io.servicegroups.core.ErrorCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Which objects a request names: a body of {uuid}/{name} items, uuid/name query parameters, or a path. */
public final class Selections {
    private static final String[] REF_FIELDS = {"uuid", "name"};

    private Selections() {
    }

    /**
     * The identifiers given, in order; empty when neither a body nor query parameters name anything (an empty
     * array names nothing, but is given). Body and query parameters do not mix.
     */
    public static Optional<List<RawRef>> refs(Optional<JsonNode> body, List<String> uuids, List<String> names,
                                              int maxItems) {
        QueryParams.texts("uuid", uuids);
        QueryParams.texts("name", names);
        boolean inQuery = !uuids.isEmpty() || !names.isEmpty();
        if (body.isPresent()) {
            if (inQuery) {
                throw RequestFailure.badRequest("name the objects either in the body or with uuid/name query"
                        + " parameters, not both");
            }
            return Optional.of(JsonBody.items(body.get(), maxItems, REF_FIELDS).stream()
                    .map(item -> new RawRef(item.string("uuid"), item.string("name"))).toList());
        }
        if (!inQuery) {
            return Optional.empty();
        }
        if (uuids.size() + names.size() > maxItems) {
            throw new RequestFailure(400, ErrorCode.TOO_MANY, "at most " + maxItems
                    + " items are accepted in one request, got " + (uuids.size() + names.size()));
        }
        List<RawRef> refs = new ArrayList<>();
        uuids.forEach(uuid -> refs.add(new RawRef(uuid, null)));
        names.forEach(name -> refs.add(new RawRef(null, name)));
        return Optional.of(refs);
    }

    /** Local scope ({@code /v1/<resource>/<uuid>}) with a body that may only repeat the uuid. */
    public static RawRef local(String pathUuid, Optional<JsonNode> body) {
        local(pathUuid, body, REF_FIELDS);
        return new RawRef(pathUuid, null);
    }

    /**
     * Local scope: the path names the object. A body, when given, is one object of {@code fields}; it may
     * repeat the path's uuid but name nothing else.
     */
    public static Optional<JsonFields> local(String pathUuid, Optional<JsonNode> body, String... fields) {
        QueryParams.uuid("path", pathUuid);
        if (body.isEmpty()) {
            return Optional.empty();
        }
        if (!body.get().isObject()) {
            throw RequestFailure.badRequest("body: in local scope the body is one object, not "
                    + (body.get().isArray() ? "an array" : "a value"));
        }
        JsonFields item = JsonFields.of(body.get(), "", fields);
        String uuid = Arrays.asList(fields).contains("uuid") ? item.string("uuid") : null;
        if (item.has("name") || (uuid != null && !uuid.equalsIgnoreCase(pathUuid))) {
            throw RequestFailure.badRequest("uuid and name are not allowed in the body in local scope: the path"
                    + " already names the object");
        }
        return Optional.of(item);
    }
}
