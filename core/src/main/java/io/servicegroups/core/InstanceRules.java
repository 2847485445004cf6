package io.servicegroups.core;

/** Turns a requested instance into a validated draft: name (same rules and generation as groups), address. */
public final class InstanceRules {
    private final NameGenerator names;

    public InstanceRules(RandomSource random) {
        this.names = new NameGenerator(random);
    }

    /** @throws RuleViolation for the first rule broken */
    public InstanceDraft draft(NewInstance request) {
        String name = request.name();
        if (name != null) {
            Names.check("name", name);
        }
        if (request.address() == null) {
            throw RuleViolation.invalid("address: is required (a host name or an IP address)");
        }
        String address = Addresses.check("address", request.address());
        NewInstance.ServiceGroupRequest group = request.serviceGroup();
        ServiceGroupChoice choice = group == null ? new ServiceGroupChoice.None()
                : ServiceGroupChoice.of(group.uuid(), group.name(), group.newGroup());
        return new InstanceDraft(name != null ? name : names.generate(), address, choice);
    }
}
