package io.servicegroups.api.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.util.List;
import java.util.logging.Level;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logmanager.LogContext;

/**
 * Raises the level of the categories that log only noise while the application starts (Hibernate's version and
 * its connection-less "Database info", twice) before any extension logs. Quarkus applies log categories only once
 * the configuration has been read and validated; when that fails (say, an unusable {@code SG_DATA_DIR}) it prints
 * every record logged so far, unfiltered, ahead of the one line that matters. A static-init-safe configuration
 * factory is the earliest code an application runs, so this one provides no configuration: it only sets levels,
 * the same ones {@code application.properties} sets for the running application.
 */
@io.quarkus.runtime.annotations.StaticInitSafe
public final class QuietStartup implements ConfigSourceFactory {
    static final List<String> NOISY_CATEGORIES = List.of("org.hibernate.orm.core",
            "org.hibernate.orm.connections.pooling");

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        for (String category : NOISY_CATEGORIES) {
            LogContext.getLogContext().getLogger(category).setLevel(Level.WARNING);
        }
        return List.of();
    }
}
