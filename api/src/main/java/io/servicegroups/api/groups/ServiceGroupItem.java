package io.servicegroups.api.groups;

import static io.servicegroups.api.json.FieldNames.CREATED_AT;
import static io.servicegroups.api.json.FieldNames.ERROR;
import static io.servicegroups.api.json.FieldNames.FQDN;
import static io.servicegroups.api.json.FieldNames.INSTANCES;
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
import io.servicegroups.core.Handler;
import io.servicegroups.core.PublishedService;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.persistence.ServiceGroupRepository;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One service group in an answer (SPEC 3.1). Which fields are present depends on the endpoint. */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"status", "uuid", "name", "created_at", "fqdn", "domains", "instances", "services", "persistent",
        "autoscale", "soft_limit", "hard_limit", "message", "error"})
@Schema(name = "ServiceGroup")
public record ServiceGroupItem(
        @Schema(enumeration = {"success", "error"}) String status,
        @Schema(example = "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2") String uuid,
        @Schema(example = "young-monkey-uq6dxq0u") String name,
        @JsonProperty("created_at") @Schema(example = "2023-08-21T16:38:15Z") String createdAt,
        @Schema(example = "young-monkey-uq6dxq0u.fra0.kraft.host") String fqdn,
        List<Domain> domains,
        @Schema(description = "Attached instances, in order of attachment") List<UUID> instances,
        List<Service> services,
        Boolean persistent,
        Boolean autoscale,
        @JsonProperty("soft_limit") Integer softLimit,
        @JsonProperty("hard_limit") Integer hardLimit,
        @Schema(description = "Only on error") String message,
        @Schema(description = "Numeric error code, only on error", example = "8") Integer error)
        implements Envelope.Item, JsonWritable {

    /** A published port. */
    @RegisterForReflection
    public record Service(@Schema(example = "443") int port,
                          @JsonProperty("destination_port") @Schema(example = "8080") int destinationPort,
                          @Schema(example = "[\"tls\", \"http\"]") List<String> handlers) implements JsonWritable {
        @Override
        public void writeJson(JsonOut out) {
            out.startObject().field(PORT).value(port).field(DESTINATION_PORT).value(destinationPort)
                    .field(HANDLERS).strings(handlers).endObject();
        }

        static Service of(PublishedService service) {
            return new Service(service.port(), service.destinationPort(),
                    service.handlers().stream().map(Handler::wireName).toList());
        }
    }

    /** Compatibility with newer clients: the group's DNS name. */
    @RegisterForReflection
    public record Domain(String fqdn) implements JsonWritable {
        @Override
        public void writeJson(JsonOut out) {
            out.startObject().field(FQDN).value(fqdn).endObject();
        }
    }

    private static final String SUCCESS = "success";
    private static final byte[] DOMAINS = JsonOut.name("domains");
    private static final byte[] SERVICES = JsonOut.name("services");
    private static final byte[] PERSISTENT = JsonOut.name("persistent");
    private static final byte[] AUTOSCALE = JsonOut.name("autoscale");
    private static final byte[] SOFT_LIMIT = JsonOut.name("soft_limit");
    private static final byte[] HARD_LIMIT = JsonOut.name("hard_limit");
    private static final byte[] PORT = JsonOut.name("port");
    private static final byte[] DESTINATION_PORT = JsonOut.name("destination_port");
    private static final byte[] HANDLERS = JsonOut.name("handlers");

    /** The answer to a create: uuid, name and fqdn. */
    public static ServiceGroupItem created(ServiceGroup g) {
        return new ServiceGroupItem(SUCCESS, g.uuid().toString(), g.name(), null, g.fqdn(), null, null, null, null,
                null, null, null, null, null);
    }

    /** The whole object, as GET answers it. */
    public static ServiceGroupItem full(ServiceGroup g) {
        return new ServiceGroupItem(SUCCESS, g.uuid().toString(), g.name(), Timestamps.iso(g.createdAt()), g.fqdn(),
                List.of(new Domain(g.fqdn())), g.instances(), g.services().stream().map(Service::of).toList(),
                g.persistent(), false, g.limits().soft(), g.limits().hard(), null, null);
    }

    /** uuid and name with a status: GET with details=false. */
    public static ServiceGroupItem brief(ServiceGroup g) {
        return brief(g.uuid(), g.name());
    }

    /** The answer to a delete: uuid and name. */
    public static ServiceGroupItem deleted(ServiceGroupRepository.Locked g) {
        return brief(g.uuid(), g.name());
    }

    private static ServiceGroupItem brief(UUID uuid, String name) {
        return new ServiceGroupItem(SUCCESS, uuid.toString(), name, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** uuid and name only: the list endpoint. */
    public static ServiceGroupItem listed(ServiceGroup g) {
        return new ServiceGroupItem(null, g.uuid().toString(), g.name(), null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static ServiceGroupItem failed(Outcome<?> outcome) {
        return new ServiceGroupItem("error", outcome.uuid(), outcome.name(), null, null, null, null, null, null, null,
                null, null, outcome.failure().getMessage(), outcome.failure().code().code());
    }


    /** Jackson's rule for an item is NON_NULL: a null field is left out. */
    @Override
    public void writeJson(JsonOut out) {
        out.startObject().ifPresent(STATUS, status).ifPresent(FieldNames.UUID, uuid).ifPresent(NAME, name)
                .ifPresent(CREATED_AT, createdAt).ifPresent(FQDN, fqdn).ifPresent(DOMAINS, domains);
        if (instances != null) {
            out.field(INSTANCES).uuids(instances);
        }
        out.ifPresent(SERVICES, services).ifPresent(PERSISTENT, persistent).ifPresent(AUTOSCALE, autoscale)
                .ifPresent(SOFT_LIMIT, softLimit).ifPresent(HARD_LIMIT, hardLimit).ifPresent(MESSAGE, message)
                .ifPresent(ERROR, error).endObject();
    }

    @Override
    public boolean failed() {
        return error != null;
    }
}
