package io.servicegroups.api.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.servicegroups.api.json.JsonBody;
import io.servicegroups.api.json.JsonFields;
import io.servicegroups.core.NewServiceGroup;
import io.servicegroups.core.ServiceSpec;
import java.util.List;

/** Reads service group request bodies into core types; type errors and unknown fields fail the request. */
public final class ServiceGroupRequests {
    static final String[] CREATE_FIELDS = {"name", "dns_name", "services", "domains", "soft_limit", "hard_limit"};
    static final String[] SERVICE_FIELDS = {"port", "destination_port", "handlers"};
    static final String[] DOMAIN_FIELDS = {"name"};
    static final String[] LIST_FIELDS = {"persistent", "fqdn"};

    private ServiceGroupRequests() {
    }

    public static List<NewServiceGroup> creates(JsonNode body, int maxItems) {
        return JsonBody.items(body, maxItems, CREATE_FIELDS).stream().map(ServiceGroupRequests::create).toList();
    }

    /** One group to create; also the {@code service_group} of a new instance. */
    public static NewServiceGroup create(JsonFields item) {
        List<JsonFields> services = item.objects("services", SERVICE_FIELDS);
        List<JsonFields> domains = item.objects("domains", DOMAIN_FIELDS);
        return new NewServiceGroup(
                item.string("name"),
                item.string("dns_name"),
                domains == null ? null : domains.stream().map(d -> d.string("name")).toList(),
                services == null ? null : services.stream().map(ServiceGroupRequests::service).toList(),
                item.integer("soft_limit"),
                item.integer("hard_limit"));
    }

    private static ServiceSpec service(JsonFields service) {
        return new ServiceSpec(service.integer("port"), service.integer("destination_port"),
                service.strings("handlers"));
    }

    /** Filters of the list endpoint given in the body. */
    public static ListFilter filter(JsonNode body) {
        JsonFields fields = JsonFields.of(body, "", LIST_FIELDS);
        return new ListFilter(fields.bool("persistent"), fields.string("fqdn"));
    }

    /** Filters of {@code GET /v1/services/list}; null: not filtered. */
    public record ListFilter(Boolean persistent, String fqdn) {
    }
}
