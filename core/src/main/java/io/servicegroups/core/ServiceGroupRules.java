package io.servicegroups.core;

import java.util.ArrayList;
import java.util.List;

/** Turns a requested service group into a validated draft (SPEC 3.2-3.4). */
public final class ServiceGroupRules {
    public static final int MAX_SERVICES = 64;

    private final DnsNames dnsNames;
    private final NameGenerator names;
    private final RandomSource random;

    public ServiceGroupRules(DnsNames dnsNames, RandomSource random) {
        this.dnsNames = dnsNames;
        this.names = new NameGenerator(random);
        this.random = random;
    }

    /**
     * Validates {@code request}. The name is generated when none is given.
     *
     * @param persistent from {@link GroupLifecycle}: explicit groups are persistent, implicit ones are not
     * @throws RuleViolation for the first rule broken
     */
    public ServiceGroupDraft draft(NewServiceGroup request, boolean persistent) {
        String name = request.name();
        if (name != null) {
            Names.check("name", name);
        }
        String effectiveName = name != null ? name : names.generate();
        DnsNames.Requested requested = requestedDnsName(request);
        DnsName dnsName = dnsNames.resolve(requested, name, effectiveName, random);
        List<PublishedService> services = services(request.services());
        ConcurrencyLimits limits = ConcurrencyLimits.of(request.softLimit(), request.hardLimit());
        return new ServiceGroupDraft(effectiveName, dnsName, services, limits, persistent,
                warnings(dnsName, services), requested == null ? null : requested.field());
    }

    /** {@code domains: [{"name": X}]} means {@code dns_name: X}; the field is kept for messages. */
    private static DnsNames.Requested requestedDnsName(NewServiceGroup request) {
        List<String> domains = request.domainNames();
        if (domains == null || domains.isEmpty()) {
            return request.dnsName() == null ? null : new DnsNames.Requested("dns_name", request.dnsName());
        }
        if (request.dnsName() != null) {
            throw new RuleViolation(ErrorCode.NOT_BOTH, "dns_name and domains: give one of them, not both");
        }
        if (domains.size() > 1) {
            throw new RuleViolation(ErrorCode.NOT_SUPPORTED,
                    "domains: only one domain per service group is supported, got " + domains.size());
        }
        if (domains.get(0) == null) {
            throw RuleViolation.invalid("domains[0].name: is required");
        }
        return new DnsNames.Requested("domains[0].name", domains.get(0));
    }

    private static List<PublishedService> services(List<ServiceSpec> specs) {
        if (specs == null) {
            throw RuleViolation.invalid("services: is required (it may be an empty array)");
        }
        if (specs.size() > MAX_SERVICES) {
            throw new RuleViolation(ErrorCode.TOO_MANY, "services: at most " + MAX_SERVICES
                    + " services per group, got " + specs.size());
        }
        List<PublishedService> services = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            if (specs.get(i) == null) {
                throw RuleViolation.invalid("services[" + i + "]: must be an object with a port");
            }
            PublishedService service = HandlerRules.check("services[" + i + "]", specs.get(i));
            for (int j = 0; j < services.size(); j++) {
                if (services.get(j).port() == service.port()) {
                    throw RuleViolation.invalid("services[" + i + "].port: " + service.port()
                            + " is already published by services[" + j + "]");
                }
            }
            services.add(service);
        }
        return services;
    }

    private static List<String> warnings(DnsName dnsName, List<PublishedService> services) {
        if (!dnsName.custom()) {
            return List.of();
        }
        List<Integer> tlsPorts = services.stream().filter(s -> s.has(Handler.TLS)).map(PublishedService::port)
                .toList();
        if (tlsPorts.isEmpty()) {
            return List.of();
        }
        return List.of("dns_name \"" + dnsName.fqdn() + ".\" is a custom fully-qualified name (experimental):"
                + " only unencrypted HTTP works for it; the tls handler on port(s) " + tlsPorts
                + " will present a certificate that does not match it");
    }
}
