package io.servicegroups.core;

import java.util.List;

/** A validated service group, ready to be stored. */
public record ServiceGroupDraft(String name, DnsName dnsName, List<PublishedService> services,
                                ConcurrencyLimits limits, boolean persistent, List<String> warnings) {
    public ServiceGroupDraft {
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    public String fqdn() {
        return dnsName.fqdn();
    }
}
