package io.servicegroups.api.groups;

import static io.servicegroups.api.request.Batches.changes;
import static io.servicegroups.api.request.Batches.changesByRef;
import static io.servicegroups.api.request.Batches.found;
import static io.servicegroups.api.request.Batches.lookUp;

import io.servicegroups.api.envelope.Outcome;
import io.servicegroups.api.errors.RequestFailure;
import io.servicegroups.api.request.RawRef;
import io.servicegroups.api.request.Redraw;
import io.servicegroups.api.request.WriteBudgets;
import io.servicegroups.core.GroupLifecycle;
import io.servicegroups.core.NewServiceGroup;
import io.servicegroups.core.PageRequest;
import io.servicegroups.core.RuleViolation;
import io.servicegroups.core.ServiceGroup;
import io.servicegroups.core.ServiceGroupDraft;
import io.servicegroups.core.ServiceGroupRules;
import io.servicegroups.persistence.GroupReads;
import io.servicegroups.persistence.ServiceGroupRepository;
import io.servicegroups.persistence.UnitOfWork;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Service group use cases. Each item of a batch runs in its own transaction, so one failing item leaves
 * the others done (partial success); a use case of several repository calls is one {@link UnitOfWork}.
 */
@ApplicationScoped
public class ServiceGroupService {
    private static final String WHAT = "service group";

    private final ServiceGroupRules rules;
    private final ServiceGroupRepository groups;
    private final GroupReads reads;
    private final WriteBudgets budgets;
    private final UnitOfWork work;

    public ServiceGroupService(ServiceGroupRules rules, ServiceGroupRepository groups, GroupReads reads,
                               WriteBudgets budgets, UnitOfWork work) {
        this.work = work;
        this.rules = rules;
        this.groups = groups;
        this.reads = reads;
        this.budgets = budgets;
    }

    /** A created group and the warnings of its creation. */
    public record Created(ServiceGroup group, List<String> warnings) {
    }

    public Uni<List<Outcome<Created>>> create(String owner, List<NewServiceGroup> requests) {
        return changes(budgets.startingNow(), requests, request -> createOne(owner, request),
                (request, violation) -> Outcome.failure(violation, null, request.name()));
    }

    /**
     * One statement that inserts the group and its services: uniqueness is left to the constraints, and a
     * generated name or DNS name found taken is drawn again with another statement (the same answers as
     * {@link #createIn}).
     */
    private Uni<Outcome<Created>> createOne(String owner, NewServiceGroup request) {
        boolean persistent = GroupLifecycle.persistentWhenCreatedExplicitly();
        return Uni.createFrom().item(() -> rules.draft(request, persistent))
                .chain(draft -> Redraw.untilInserted(draft,
                        d -> groups.create(owner, d)
                                .map(group -> new Created(group, d.warnings())),
                        (d, violation) -> takenBy(violation, request, d),
                        () -> rules.draft(request, persistent)))
                .map(Outcome::success)
                .onFailure(RuleViolation.class)
                .recoverWithItem(failure -> Outcome.failure((RuleViolation) failure, null, request.name()));
    }

    /** Creates the group in the current transaction; also used for the implicit group of a new instance. */
    public Uni<Created> createIn(String owner, NewServiceGroup request, boolean persistent) {
        return Uni.createFrom().item(() -> rules.draft(request, persistent))
                .chain(draft -> Redraw.untilFree(draft, d -> taken(owner, request, d),
                        () -> rules.draft(request, persistent)))
                .chain(draft -> groups.insert(owner, draft).map(group -> new Created(group, draft.warnings())));
    }

    /** What of the draft is taken already: its name (for this owner) or its DNS name (for anyone). */
    private Uni<Redraw.Taken> taken(String owner, NewServiceGroup request, ServiceGroupDraft draft) {
        return groups.taken(owner, draft.name(), draft.fqdn()).map(taken -> taken.name()
                ? new Redraw.Taken(ServiceGroupRepository.nameTaken(draft.name()), request.name() == null)
                : taken.fqdn() ? new Redraw.Taken(ServiceGroupRepository.fqdnTaken(draft), draft.dnsNameRandom())
                : null);
    }

    /** What of the draft the insert's constraints found taken, or null for another failure. */
    private static Redraw.Taken takenBy(RuleViolation violation, NewServiceGroup request, ServiceGroupDraft draft) {
        if (ServiceGroupRepository.isNameTaken(violation, draft)) {
            return new Redraw.Taken(violation, request.name() == null);
        }
        return ServiceGroupRepository.isFqdnTaken(violation, draft)
                ? new Redraw.Taken(violation, draft.dnsNameRandom()) : null;
    }

    /** The named groups, in the order asked, read with one statement. */
    public Uni<List<Outcome<ServiceGroup>>> get(String owner, List<RawRef> refs, boolean details) {
        return lookUp(refs, WHAT, (uuids, names) -> reads.find(owner, uuids, names, details),
                ServiceGroup::uuid, ServiceGroup::name);
    }

    public Uni<List<ServiceGroup>> page(String owner, PageRequest page, boolean details) {
        return reads.page(owner, page, details)
                .onFailure(RuleViolation.class).transform(failure -> RequestFailure.of((RuleViolation) failure));
    }

    public Uni<List<ServiceGroup>> list(String owner, Boolean persistent, String fqdn) {
        return groups.filter(owner, persistent, fqdn);
    }

    public Uni<List<Outcome<ServiceGroupRepository.Locked>>> delete(String owner, List<RawRef> refs) {
        return changesByRef(budgets.startingNow(), refs,
                ref -> work.inTransaction(() -> groups.lock(owner, ref)
                        .map(group -> found(group, ref, WHAT))
                        .call(group -> groups.attachedCount(group.uuid())
                                .invoke(attached -> GroupLifecycle.checkDeletable(group.uuid().toString(),
                                        attached.intValue())))
                        .call(group -> groups.delete(owner, group.uuid()))));
    }
}
