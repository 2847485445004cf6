package io.servicegroups.api.instances;

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
import io.servicegroups.core.Instance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/** {@code /v1/instances}: thin HTTP adapter over {@link InstanceService}; routes and docs in {@link InstanceApi}. */
@Deadline
public class InstanceResource implements InstanceApi {
    private final InstanceService service;
    private final RequestBodies bodies;
    private final CurrentUser user;
    private final SgConfig config;

    public InstanceResource(InstanceService service, RequestBodies bodies, CurrentUser user, SgConfig config) {
        this.service = service;
        this.bodies = bodies;
        this.user = user;
        this.config = config;
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> create(HttpServerRequest request) {
        return bodies.json(request).map(json -> InstanceRequests.creates(json.orElseThrow(() ->
                        RequestFailure.badRequest("a body is required: an instance object or an array of them")),
                        config.api().maxBatchSize()))
                .chain(requests -> service.create(user.name(), requests))
                .map(outcomes -> Envelope.batch(outcomes, created -> InstanceItem.created(created.instance()),
                        InstanceItem::failed, InstancesData::new, InstanceService.Created::warnings));
    }

    @Override
    public Uni<Envelope<InstancesData>> get(HttpServerRequest request, List<String> uuid, List<String> name,
                                            String details, String count, String from) {
        Function<Instance, InstanceItem> view = view(QueryParams.details(details));
        return bodies.json(request).chain(json -> {
            Optional<List<RawRef>> refs = Selections.refs(json, uuid, name, config.api().maxBatchSize());
            if (refs.isEmpty()) {
                return service.page(user.name(), QueryParams.page(count, from))
                        .map(list -> Envelope.of(new InstancesData(list.stream().map(view).toList())));
            }
            if (count != null || from != null) {
                throw RequestFailure.badRequest("count and from apply only when listing all instances");
            }
            return service.get(user.name(), refs.get()).map(outcomes -> envelope(outcomes, view));
        });
    }

    @Override
    public Uni<Envelope<InstancesData>> getOne(String uuid, HttpServerRequest request, String details) {
        Function<Instance, InstanceItem> view = view(QueryParams.details(details));
        return bodies.json(request).chain(json -> service.get(user.name(), List.of(Selections.local(uuid, json))))
                .map(outcomes -> envelope(outcomes, view));
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> stop(HttpServerRequest request) {
        return bodies.json(request)
                .chain(json -> service.stop(user.name(), InstanceRequests.stops(json, config.api().maxBatchSize())))
                .map(InstanceResource::changed);
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> stopOne(String uuid, HttpServerRequest request) {
        return bodies.json(request)
                .chain(json -> service.stop(user.name(), List.of(InstanceRequests.localStop(uuid, json))))
                .map(InstanceResource::changed);
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> start(HttpServerRequest request) {
        return bodies.json(request)
                .chain(json -> service.start(user.name(), InstanceRequests.starts(json, config.api().maxBatchSize())))
                .map(InstanceResource::changed);
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> startOne(String uuid, HttpServerRequest request) {
        return bodies.json(request).chain(json -> service.start(user.name(), List.of(Selections.local(uuid, json))))
                .map(InstanceResource::changed);
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> delete(HttpServerRequest request, List<String> uuid, List<String> name) {
        return bodies.json(request).chain(json -> service.delete(user.name(), Selections.refs(json, uuid, name,
                        config.api().maxBatchSize()).orElseThrow(() -> RequestFailure.badRequest("name the instances"
                        + " to delete: a body [{\"uuid\": ...}] or [{\"name\": ...}], or uuid/name query parameters"))))
                .map(outcomes -> envelope(outcomes, InstanceItem::brief));
    }

    @Override
    @ChangesItems
    public Uni<Envelope<InstancesData>> deleteOne(String uuid, HttpServerRequest request) {
        return bodies.json(request).chain(json -> service.delete(user.name(), List.of(Selections.local(uuid, json))))
                .map(outcomes -> envelope(outcomes, InstanceItem::brief));
    }

    private static Function<Instance, InstanceItem> view(boolean full) {
        return full ? InstanceItem::full : InstanceItem::brief;
    }

    private static Envelope<InstancesData> changed(List<Outcome<InstanceService.StateChange>> outcomes) {
        return envelope(outcomes, change -> InstanceItem.changed(change.instance(), change.transition()));
    }

    private static <T> Envelope<InstancesData> envelope(List<Outcome<T>> outcomes,
                                                        Function<T, InstanceItem> view) {
        return Envelope.batch(outcomes, view, InstanceItem::failed, InstancesData::new, value -> List.of());
    }
}
