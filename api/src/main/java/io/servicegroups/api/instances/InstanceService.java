package io.servicegroups.api.instances;

import static io.servicegroups.api.request.Batches.attempt;
import static io.servicegroups.api.request.Batches.found;
import static io.servicegroups.api.request.Batches.inOrder;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.groups.ServiceGroupService;
import io.servicegroups.api.request.RawRef;
import io.servicegroups.core.GroupLifecycle;
import io.servicegroups.core.Instance;
import io.servicegroups.core.InstanceDraft;
import io.servicegroups.core.InstanceRules;
import io.servicegroups.core.InstanceTransitions;
import io.servicegroups.core.InstanceTransitions.Transition;
import io.servicegroups.core.ItemRef;
import io.servicegroups.core.NewInstance;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.core.ServiceGroupChoice;
import io.servicegroups.persistence.InstanceRepository;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Instance use cases. Attaching and deleting lock the group row first, so that a concurrent group delete
 * either sees the instance (15) or wins and the attach finds no group (8); the database's foreign key backs it.
 */
@ApplicationScoped
public class InstanceService {
    private static final int GENERATION_ATTEMPTS = 5;
    private static final String WHAT = "instance";

    private final InstanceRules rules;
    private final InstanceRepository instances;
    private final ServiceGroupRepository groups;
    private final ServiceGroupService groupService;
    private final DrainTimer drains;

    public InstanceService(InstanceRules rules, InstanceRepository instances, ServiceGroupRepository groups,
                           ServiceGroupService groupService, DrainTimer drains) {
        this.rules = rules;
        this.instances = instances;
        this.groups = groups;
        this.groupService = groupService;
        this.drains = drains;
    }

    /** A created instance and the warnings of its implicit group's creation. */
    public record Created(Instance instance, List<String> warnings) {
    }

    /** An instance after a state transition. */
    public record StateChange(Instance instance, Transition transition) {
    }

    /** A stop request of one item. */
    public record Stop(RawRef ref, Long drainTimeoutMs, Boolean force) {
    }

    public Uni<List<Outcome<Created>>> create(String owner, List<NewInstance> requests) {
        return inOrder(requests, request -> Panache.withTransaction(() -> createIn(owner, request))
                .map(Outcome::success)
                .onFailure(RuleViolation.class)
                .recoverWithItem(failure -> Outcome.failure((RuleViolation) failure, null, request.name())));
    }

    private Uni<Created> createIn(String owner, NewInstance request) {
        return Uni.createFrom().item(() -> rules.draft(request))
                .chain(draft -> available(owner, request, draft, GENERATION_ATTEMPTS))
                .chain(draft -> target(owner, draft.serviceGroup())
                        .chain(target -> instances.insert(owner, draft, target == null ? null : target.group())
                                .map(instance -> new Created(instance, target == null ? List.of()
                                        : target.warnings()))));
    }

    private Uni<InstanceDraft> available(String owner, NewInstance request, InstanceDraft draft, int attempts) {
        return instances.nameExists(owner, draft.name()).chain(taken -> {
            if (!taken) {
                return Uni.createFrom().item(draft);
            }
            if (request.name() != null || attempts <= 1) {
                throw InstanceRepository.nameTaken(draft.name());
            }
            return available(owner, request, rules.draft(request), attempts - 1);
        });
    }

    /** The group the new instance joins, locked, made persistent by a second attach; or null. */
    private Uni<ServiceGroupService.Created> target(String owner, ServiceGroupChoice choice) {
        if (choice instanceof ServiceGroupChoice.Existing existing) {
            return groups.lock(owner, existing.ref())
                    .map(group -> found(group, existing.ref(), "service group"))
                    .onFailure(RuleViolation.class).transform(InstanceService::inServiceGroup)
                    .chain(group -> groups.attachedCount(group.uuid()).chain(attached -> {
                        boolean persistent = GroupLifecycle.persistentAfterAttach(group.persistent(),
                                attached.intValue() + 1);
                        Uni<Void> change = persistent && !group.persistent() ? groups.makePersistent(group.uuid())
                                : Uni.createFrom().voidItem();
                        return change.replaceWith(new ServiceGroupService.Created(group, List.of()));
                    }));
        }
        if (choice instanceof ServiceGroupChoice.Implicit implicit) {
            return groupService.createIn(owner, implicit.group(), GroupLifecycle.persistentWhenCreatedWithInstance())
                    .onFailure(RuleViolation.class).transform(InstanceService::inServiceGroup);
        }
        return Uni.createFrom().nullItem();
    }

    /** Messages about the group name the field they come from, e.g. {@code service_group.services[0].port}. */
    private static Throwable inServiceGroup(Throwable failure) {
        RuleViolation violation = (RuleViolation) failure;
        String message = violation.getMessage();
        return message.startsWith("service_group") ? violation
                : new RuleViolation(violation.code(), "service_group." + message);
    }

    public Uni<List<Outcome<Instance>>> get(String owner, List<RawRef> refs) {
        return Panache.withSession(() -> inOrder(refs, raw -> attempt(raw, ref -> instances.find(owner, ref)
                .map(instance -> found(instance, ref, WHAT)))));
    }

    public Uni<List<Instance>> page(String owner, PageRequest page) {
        return Panache.withSession(() -> instances.page(owner, page));
    }

    public Uni<List<Outcome<StateChange>>> stop(String owner, List<Stop> requests) {
        Instant now = Instant.now();
        return transition(owner, requests.stream().map(Stop::ref).toList(), (instance, index) -> {
            Stop stop = requests.get(index);
            return InstanceTransitions.stop(instance.name(), instance.state(), stop.drainTimeoutMs(), stop.force(), now);
        });
    }

    public Uni<List<Outcome<StateChange>>> start(String owner, List<RawRef> refs) {
        return transition(owner, refs, (instance, index) -> InstanceTransitions.start(instance.name(),
                instance.state()));
    }

    private Uni<List<Outcome<StateChange>>> transition(String owner, List<RawRef> refs,
                                                       BiFunction<Instance, Integer, Transition> decide) {
        List<Integer> indexes = java.util.stream.IntStream.range(0, refs.size()).boxed().toList();
        return inOrder(indexes, index -> attempt(refs.get(index), ref -> Panache.withTransaction(() ->
                instances.lock(owner, ref)
                        .map(instance -> found(instance, ref, WHAT))
                        .chain(instance -> {
                            Transition transition = decide.apply(instance, index);
                            return instances.changeState(instance.uuid(), transition.to(), transition.drainDeadline())
                                    .replaceWith(new StateChange(instance, transition));
                        }))
                .invoke(change -> drains.schedule(change.transition().drainDeadline()))));
    }

    /** Deletes instances; the owner of a non-persistent group takes the group with it (SPEC 3.6). */
    public Uni<List<Outcome<Instance>>> delete(String owner, List<RawRef> refs) {
        return inOrder(refs, raw -> attempt(raw, ref -> Panache.withTransaction(() -> instances.lock(owner, ref)
                .map(instance -> found(instance, ref, WHAT))
                .call(instance -> instance.group() == null ? instances.delete(instance.uuid())
                        : groups.lock(owner, new ItemRef.ByUuid(instance.group().uuid()))
                        .call(() -> instances.delete(instance.uuid()))
                        .call(group -> deleteWithOwner(group))))));
    }

    private Uni<Void> deleteWithOwner(ServiceGroup group) {
        if (group == null || !GroupLifecycle.deletedWithInstance(group.persistent())) {
            return Uni.createFrom().voidItem();
        }
        return groups.delete(group);
    }
}
