package io.servicegroups.core;

import java.util.List;

/**
 * A service group as requested (SPEC 3.2), before validation. Null means "not given".
 *
 * @param domainNames the {@code name} of each {@code domains} entry (a null element: the entry had none)
 */
public record NewServiceGroup(String name, String dnsName, List<String> domainNames, List<ServiceSpec> services,
                              Long softLimit, Long hardLimit) {
}
