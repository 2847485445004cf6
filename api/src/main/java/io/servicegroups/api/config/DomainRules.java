package io.servicegroups.api.config;

import io.servicegroups.core.DnsNames;
import io.servicegroups.core.InstanceRules;
import io.servicegroups.core.RandomSource;
import io.servicegroups.core.ServiceGroupRules;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The core's rules, configured from {@link SgConfig}. */
public class DomainRules {
    @Produces
    @Singleton
    DnsNames dnsNames(SgConfig config) {
        return new DnsNames(config.metroDomain(), config.dns().reservedLabels());
    }

    @Produces
    @Singleton
    ServiceGroupRules serviceGroupRules(DnsNames dnsNames) {
        return new ServiceGroupRules(dnsNames, RandomSource.secure());
    }

    @Produces
    @Singleton
    InstanceRules instanceRules() {
        return new InstanceRules(RandomSource.secure());
    }
}
