package io.servicegroups.api.instances;

import static io.servicegroups.api.json.FieldNames.CREATED_AT;
import static io.servicegroups.api.json.FieldNames.ERROR;
import static io.servicegroups.api.json.FieldNames.FQDN;
import static io.servicegroups.api.json.FieldNames.MESSAGE;
import static io.servicegroups.api.json.FieldNames.NAME;
import static io.servicegroups.api.json.FieldNames.STATUS;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.envelope.Timestamps;
import io.servicegroups.api.json.FieldNames;
import io.servicegroups.api.json.JsonOut;
import io.servicegroups.api.json.JsonWritable;
import io.servicegroups.core.Instance;
import io.servicegroups.core.InstanceTransitions.Transition;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One instance in an answer (SPEC 4). Which fields are present depends on the endpoint. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "uuid", "name", "created_at", "address", "state", "previous_state", "service_group",
        "message", "error"})
@Schema(name = "Instance")
public record InstanceItem(
        @Schema(enumeration = {"success", "error"}) String status,
        @Schema(example = "77d0316a-fbbe-488d-8618-5bf7a612477a") String uuid,
        @Schema(example = "nginx-1") String name,
        @JsonProperty("created_at") @Schema(example = "2023-08-21T16:38:15Z") String createdAt,
        @Schema(example = "10.0.0.7") String address,
        @Schema(enumeration = {"running", "draining", "stopped"}) String state,
        @JsonProperty("previous_state") @Schema(enumeration = {"running", "draining", "stopped"})
        String previousState,
        @JsonProperty("service_group") @Schema(description = "Absent for a private instance") GroupRef serviceGroup,
        @Schema(description = "Only on error") String message,
        @Schema(description = "Numeric error code, only on error", example = "8") Integer error)
        implements Envelope.Item, JsonWritable {

    /** The group of an instance. */
    @RegisterForReflection
    @Schema(name = "InstanceServiceGroup")
    public record GroupRef(UUID uuid, String name, String fqdn) implements JsonWritable {
        @Override
        public void writeJson(JsonOut out) {
            out.startObject().field(FieldNames.UUID).value(uuid).field(NAME).value(name).field(FQDN).value(fqdn)
                    .endObject();
        }

        static GroupRef of(Instance.GroupRef group) {
            return group == null ? null : new GroupRef(group.uuid(), group.name(), group.fqdn());
        }
    }

    private static final String SUCCESS = "success";
    private static final byte[] ADDRESS = JsonOut.name("address");
    private static final byte[] STATE = JsonOut.name("state");
    private static final byte[] PREVIOUS_STATE = JsonOut.name("previous_state");
    private static final byte[] SERVICE_GROUP = JsonOut.name("service_group");

    /** The answer to a create: uuid, name, state and group. */
    public static InstanceItem created(Instance i) {
        return new InstanceItem(SUCCESS, i.uuid().toString(), i.name(), null, null, i.state().wireName(), null,
                GroupRef.of(i.group()), null, null);
    }

    public static InstanceItem full(Instance i) {
        return new InstanceItem(SUCCESS, i.uuid().toString(), i.name(), Timestamps.iso(i.createdAt()), i.address(),
                i.state().wireName(), null, GroupRef.of(i.group()), null, null);
    }

    /** uuid and name: delete, and GET with details=false. */
    public static InstanceItem brief(Instance i) {
        return new InstanceItem(SUCCESS, i.uuid().toString(), i.name(), null, null, null, null, null, null, null);
    }

    public static InstanceItem changed(Instance i, Transition transition) {
        return new InstanceItem(SUCCESS, i.uuid().toString(), i.name(), null, null, transition.to().wireName(),
                transition.from().wireName(), null, null, null);
    }

    public static InstanceItem failed(Outcome<?> outcome) {
        return new InstanceItem("error", outcome.uuid(), outcome.name(), null, null, null, null, null,
                outcome.failure().getMessage(), outcome.failure().code().code());
    }


    /** Jackson's rule for an item is NON_NULL: a null field is left out. */
    @Override
    public void writeJson(JsonOut out) {
        out.startObject().ifPresent(STATUS, status).ifPresent(FieldNames.UUID, uuid).ifPresent(NAME, name)
                .ifPresent(CREATED_AT, createdAt).ifPresent(ADDRESS, address).ifPresent(STATE, state)
                .ifPresent(PREVIOUS_STATE, previousState).ifPresent(SERVICE_GROUP, serviceGroup)
                .ifPresent(MESSAGE, message).ifPresent(ERROR, error).endObject();
    }

    @Override
    public boolean failed() {
        return error != null;
    }
}
