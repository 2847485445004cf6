package io.servicegroups.api.instances;

import static io.servicegroups.api.request.Batches.attempt;
import static io.servicegroups.api.request.Batches.changes;
import static io.servicegroups.api.request.Batches.changesByRef;
import static io.servicegroups.api.request.Batches.found;
import static io.servicegroups.api.request.Batches.inOrder;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.groups.ServiceGroupService;
import io.servicegroups.api.request.RawRef;
import io.servicegroups.api.request.Redraw;
import io.servicegroups.api.request.WriteBudgets;
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
import io.servicegroups.core.ServiceGroupChoice;
import io.servicegroups.persistence.InstanceRepository;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.servicegroups.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Instance use cases. Attaching and deleting lock the group row first, so that a concurrent group delete
 * either sees the instance (15) or wins and the attach finds no group (8); the database's foreign key backs it.
 */
@ApplicationScoped
public class InstanceService {
    private static final String WHAT = "instance";
    /** A message that starts with a field path, like {@code services[0].port: }. */
    private static final Pattern FIELD_PATH = Pattern.compile("[a-z_]+[a-z_0-9.\\[\\]]*: ");

    private final InstanceRules rules;
    private final InstanceRepository instances;
    private final ServiceGroupRepository groups;
    private final ServiceGroupService groupService;
    private final DrainTimer drains;
    private final WriteBudgets budgets;
    private final UnitOfWork work;

    public InstanceService(InstanceRules rules, InstanceRepository instances, ServiceGroupRepository groups,
                           ServiceGroupService groupService, DrainTimer drains, WriteBudgets budgets,
                           UnitOfWork work) {
        this.work = work;
        this.budgets = budgets;
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
        return changes(budgets.startingNow(), requests,
                request -> work.inTransaction(() -> createIn(owner, request))
                        .map(Outcome::success)
                        .onFailure(RuleViolation.class)
                        .recoverWithItem(failure -> Outcome.failure((RuleViolation) failure, null, request.name())),
                (request, violation) -> Outcome.failure(violation, null, request.name()));
    }

    private Uni<Created> createIn(String owner, NewInstance request) {
        return Uni.createFrom().item(() -> rules.draft(request))
                .chain(draft -> Redraw.untilFree(draft, d -> instances.nameExists(owner, d.name())
                        .map(taken -> taken ? new Redraw.Taken(InstanceRepository.nameTaken(d.name()),
                                request.name() == null) : null), () -> rules.draft(request)))
                .chain(draft -> target(owner, draft.serviceGroup())
                        .chain(target -> instances.insert(owner, draft, target.group())
                                .map(instance -> new Created(instance, target.warnings()))));
    }

    /** The group a new instance joins (null: none) and the warnings of creating it. */
    private record Target(Instance.GroupRef group, List<String> warnings) {
        static final Target NONE = new Target(null, List.of());
    }

    /** The group the new instance joins, locked, made persistent by a second attach; or none. */
    private Uni<Target> target(String owner, ServiceGroupChoice choice) {
        if (choice instanceof ServiceGroupChoice.Existing existing) {
            return groups.lock(owner, existing.ref())
                    .map(group -> found(group, existing.ref(), "service group"))
                    .onFailure(RuleViolation.class).transform(InstanceService::inServiceGroup)
                    .chain(group -> groups.attachedCount(group.uuid()).chain(attached -> {
                        boolean persistent = GroupLifecycle.persistentAfterAttach(group.persistent(),
                                attached.intValue() + 1);
                        Uni<Void> change = persistent && !group.persistent()
                                ? groups.makePersistent(owner, group.uuid()).replaceWithVoid()
                                : Uni.createFrom().voidItem();
                        return change.replaceWith(new Target(group.ref(), List.of()));
                    }));
        }
        if (choice instanceof ServiceGroupChoice.Implicit implicit) {
            return groupService.createIn(owner, implicit.group(), GroupLifecycle.persistentWhenCreatedWithInstance())
                    .map(created -> new Target(new Instance.GroupRef(created.group().uuid(), created.group().name(),
                            created.group().fqdn()), created.warnings()))
                    .onFailure(RuleViolation.class).transform(InstanceService::inServiceGroup);
        }
        return Uni.createFrom().item(Target.NONE);
    }

    /**
     * Messages about the group name their field under {@code service_group}: {@code service_group.services[0].port:
     * ...}, or {@code service_group: no service group ...} when they name none.
     */
    private static Throwable inServiceGroup(Throwable failure) {
        RuleViolation violation = (RuleViolation) failure;
        String message = violation.getMessage();
        if (message.startsWith("service_group")) {
            return violation;
        }
        boolean namesField = FIELD_PATH.matcher(message).lookingAt();
        return new RuleViolation(violation.code(), "service_group" + (namesField ? "." : ": ") + message);
    }

    public Uni<List<Outcome<Instance>>> get(String owner, List<RawRef> refs) {
        return work.inSession(() -> inOrder(refs, raw -> attempt(raw, ref -> instances.find(owner, ref)
                .map(instance -> found(instance, ref, WHAT)))));
    }

    public Uni<List<Instance>> page(String owner, PageRequest page) {
        return instances.page(owner, page)
                .onFailure(RuleViolation.class).transform(failure -> RequestFailure.of((RuleViolation) failure));
    }

    public Uni<List<Outcome<StateChange>>> stop(String owner, List<Stop> requests) {
        Instant now = Instant.now();
        return transition(owner, requests, Stop::ref, (instance, stop) -> InstanceTransitions.stop(instance.name(),
                instance.state(), stop.drainTimeoutMs(), stop.force(), now));
    }

    public Uni<List<Outcome<StateChange>>> start(String owner, List<RawRef> refs) {
        return transition(owner, refs, ref -> ref, (instance, ref) -> InstanceTransitions.start(instance.name(),
                instance.state()));
    }

    /** Locks each named instance, lets {@code decide} pick the transition, stores it; timers for drains. */
    private <T> Uni<List<Outcome<StateChange>>> transition(String owner, List<T> requests, Function<T, RawRef> refOf,
                                                           BiFunction<Instance, T, Transition> decide) {
        return changes(budgets.startingNow(), requests,
                request -> attempt(refOf.apply(request), ref -> work.inTransaction(() ->
                                instances.lock(owner, ref)
                                        .map(instance -> found(instance, ref, WHAT))
                                        .chain(instance -> {
                                            Transition transition = decide.apply(instance, request);
                                            return instances.changeState(owner, instance.uuid(), transition.to(),
                                                            transition.drainDeadline())
                                                    .replaceWith(new StateChange(instance, transition));
                                        }))
                        .invoke(change -> drains.schedule(change.transition().drainDeadline()))),
                (request, violation) -> Outcome.failure(violation, refOf.apply(request).uuid(),
                        refOf.apply(request).name()));
    }

    /** Deletes instances; the owner of a non-persistent group takes the group with it (SPEC 3.6). */
    public Uni<List<Outcome<Instance>>> delete(String owner, List<RawRef> refs) {
        return changesByRef(budgets.startingNow(), refs,
                ref -> work.inTransaction(() -> instances.lock(owner, ref)
                        .map(instance -> found(instance, ref, WHAT))
                        .call(instance -> instance.group() == null ? instances.delete(owner, instance.uuid())
                                : groups.lock(owner, new ItemRef.ByUuid(instance.group().uuid()))
                                .call(() -> instances.delete(owner, instance.uuid()))
                                .call(group -> deleteWithOwner(owner, group)))));
    }

    private Uni<Void> deleteWithOwner(String owner, ServiceGroupRepository.Locked group) {
        if (group == null || !GroupLifecycle.deletedWithInstance(group.persistent())) {
            return Uni.createFrom().voidItem();
        }
        return groups.delete(owner, group.uuid()).replaceWithVoid();
    }
}
