package io.servicegroups.api.request;

import io.servicegroups.api.config.SgConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link WriteBudget}s from the configured request and statement timeouts. */
@ApplicationScoped
public class WriteBudgets {
    private final SgConfig config;

    public WriteBudgets(SgConfig config) {
        this.config = config;
    }

    public WriteBudget startingNow() {
        return WriteBudget.startingNow(config.api().requestTimeout(), config.db().statementTimeout());
    }
}
