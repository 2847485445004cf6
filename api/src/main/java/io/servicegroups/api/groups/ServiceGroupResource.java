package io.servicegroups.api.groups;

import io.servicegroups.api.auth.CurrentUser;
import io.servicegroups.api.config.SgConfig;
import io.servicegroups.api.envelope.Envelope;
import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.json.RequestBodies;
import io.servicegroups.api.request.ChangesItems;
import io.servicegroups.api.request.Deadline;
import io.servicegroups.api.request.QueryParams;
import io.servicegroups.api.request.RawRef;
import io.servicegroups.api.request.Selections;
import io.servicegroups.core.DnsNames;
import io.servicegroups.core.ServiceGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code /v1/services}: thin HTTP adapter over {@link ServiceGroupService}; routes, docs in {@link ServiceGroupApi}. */
@Deadline
public class ServiceGroupResource implements ServiceGroupApi {
    private final ServiceGroupService service;
    private final RequestBodies bodies;
    private final CurrentUser user;
    private final SgConfig config;

    public ServiceGroupResource(ServiceGroupService service, RequestBodies bodies, CurrentUser user,
                                SgConfig config) {
        this.service = service;
        this.bodies = bodies;
        this.user = user;
        this.config = config;
    }

    @Override
    @ChangesItems
    public Uni<Envelope<ServiceGroupsData>> create(HttpServerRequest request) {
        return bodies.json(request).map(json -> ServiceGroupRequests.creates(json.orElseThrow(() ->
                        RequestFailure.badRequest("a body is required: a service group object or an array of them")),
                        config.api().maxBatchSize()))
                .chain(requests -> service.create(user.name(), requests))
                .map(outcomes -> Envelope.batch(outcomes, created -> ServiceGroupItem.created(created.group()),
                        ServiceGroupItem::failed, ServiceGroupsData::new, ServiceGroupService.Created::warnings));
    }

    @Override
    public Uni<Envelope<ServiceGroupsData>> get(HttpServerRequest request, List<String> uuid,
                                                List<String> name, String details,
                                                String count, String from) {
        boolean full = QueryParams.details(details);
        return bodies.json(request).chain(json -> {
            Optional<List<RawRef>> refs = Selections.refs(json, uuid, name, config.api().maxBatchSize());
            if (refs.isEmpty()) {
                return service.page(user.name(), QueryParams.page(count, from), full)
                        .map(groups -> Envelope.of(new ServiceGroupsData(groups.stream().map(view(full)).toList())));
            }
            if (count != null || from != null) {
                throw RequestFailure.badRequest("count and from apply only when listing all service groups");
            }
            return service.get(user.name(), refs.get(), full)
                    .map(outcomes -> envelope(outcomes, view(full)));
        });
    }

    @Override
    public Uni<Envelope<ServiceGroupsData>> getOne(String uuid, HttpServerRequest request,
                                                   String details) {
        boolean full = QueryParams.details(details);
        return bodies.json(request).chain(json -> service.get(user.name(), List.of(Selections.local(uuid, json)), full))
                .map(outcomes -> envelope(outcomes, view(full)));
    }

    @Override
    @ChangesItems
    public Uni<Envelope<ServiceGroupsData>> delete(HttpServerRequest request, List<String> uuid,
                                                   List<String> name) {
        return bodies.json(request).chain(json -> service.delete(user.name(), Selections.refs(json, uuid, name,
                        config.api().maxBatchSize()).orElseThrow(() -> RequestFailure.badRequest("name the service"
                        + " groups to delete: a body [{\"uuid\": ...}] or [{\"name\": ...}], or uuid/name query"
                        + " parameters")))).map(outcomes -> envelope(outcomes, ServiceGroupItem::deleted));
    }

    @Override
    @ChangesItems
    public Uni<Envelope<ServiceGroupsData>> deleteOne(String uuid, HttpServerRequest request) {
        return bodies.json(request).chain(json -> service.delete(user.name(), List.of(Selections.local(uuid, json))))
                .map(outcomes -> envelope(outcomes, ServiceGroupItem::deleted));
    }

    @Override
    public Uni<Envelope<ServiceGroupsData>> list(HttpServerRequest request, String persistent,
                                                 String fqdn) {
        return bodies.json(request).chain(json -> {
            ServiceGroupRequests.ListFilter filter;
            if (json.isPresent()) {
                if (persistent != null || fqdn != null) {
                    throw RequestFailure.badRequest("give the filters either in the body or as query parameters,"
                            + " not both");
                }
                filter = ServiceGroupRequests.filter(json.get());
            } else {
                filter = new ServiceGroupRequests.ListFilter(QueryParams.bool("persistent", persistent),
                        QueryParams.text("fqdn", fqdn));
            }
            String normalized = filter.fqdn() == null ? null : DnsNames.normalize(filter.fqdn());
            return service.list(user.name(), filter.persistent(), normalized);
        }).map(groups -> Envelope.of(new ServiceGroupsData(groups.stream().map(ServiceGroupItem::listed).toList())));
    }

    private static Function<ServiceGroup, ServiceGroupItem> view(boolean full) {
        return full ? ServiceGroupItem::full : ServiceGroupItem::brief;
    }

    private static <T> Envelope<ServiceGroupsData> envelope(List<Outcome<T>> outcomes,
                                                            Function<T, ServiceGroupItem> view) {
        return Envelope.batch(outcomes, view, ServiceGroupItem::failed, ServiceGroupsData::new, value -> List.of());
    }
}
