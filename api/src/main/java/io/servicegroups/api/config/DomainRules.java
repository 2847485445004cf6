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

    /** Random parts of generated names and DNS names. */
    @Produces
    @Singleton
    RandomSource randomSource() {
        return RandomSource.secure();
    }

    @Produces
    @Singleton
    ServiceGroupRules serviceGroupRules(DnsNames dnsNames, RandomSource random) {
        return new ServiceGroupRules(dnsNames, random);
    }

    @Produces
    @Singleton
    InstanceRules instanceRules(RandomSource random) {
        return new InstanceRules(random);
    }
}
