package io.servicegroups.core;

import java.util.List;

/**
 * A validated service group, ready to be stored.
 *
 * @param dnsField the request field the DNS name came from ({@code dns_name} or {@code domains[0].name}), or
 *                 null when it was derived from the name or generated (then it has a random part)
 */
public record ServiceGroupDraft(String name, DnsName dnsName, List<PublishedService> services,
                                ConcurrencyLimits limits, boolean persistent, List<String> warnings,
                                String dnsField) {
    public ServiceGroupDraft {
        services = List.copyOf(services);
        warnings = List.copyOf(warnings);
    }

    /** A draft whose DNS name was derived or generated. */
    public ServiceGroupDraft(String name, DnsName dnsName, List<PublishedService> services,
                             ConcurrencyLimits limits, boolean persistent, List<String> warnings) {
        this(name, dnsName, services, limits, persistent, warnings, null);
    }

    public String fqdn() {
        return dnsName.fqdn();
    }

    /** Whether the DNS name has a random part, so that another draw may find a free one. */
    public boolean dnsNameRandom() {
        return dnsField == null;
    }
}
