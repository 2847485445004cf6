package io.servicegroups.persistence.db;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Configures every connection of the application (reactive runtime and JDBC migrations) from {@code sg.db.url};
 * without it, from the embedded PostgreSQL, which starts the first time a connection URL is read.
 * Its ordinal lies below system properties and environment variables, so {@code quarkus.datasource.*} set
 * there still wins.
 */
public final class DatabaseConfigSourceFactory implements ConfigSourceFactory {
    static final String DB_URL = "sg.db.url";
    static final String DATA_DIR = "sg.data-dir";
    static final int ORDINAL = 275;

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, DB_URL);
        if (url != null) {
            DatabaseUrl external = DatabaseUrl.parse(url);
            return List.of(new DatabaseConfigSource(() -> external, "external PostgreSQL " + external));
        }
        Path dataDir = dataDir(value(context, DATA_DIR));
        return List.of(new DatabaseConfigSource(() -> {
            DataDirectory.requireUsable(dataDir);
            return EmbeddedDatabase.startOnce(dataDir);
        }, "embedded PostgreSQL in " + dataDir));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** The documented default: {@code ~/.servicegroups}, outside any build output. */
    public static Path dataDir(String configured) {
        if (configured != null) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".servicegroups");
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return value == null || value.getValue() == null || value.getValue().isBlank() ? null : value.getValue();
    }

    /**
     * Connection URLs (credentials included) computed on first read, so that nothing starts unless a
     * connection is configured. It lists no property names: Quarkus' build reads the value of every listed
     * property, which would start the database during the build; the URLs are looked up by name.
     */
    static final class DatabaseConfigSource implements ConfigSource {
        private static final Set<String> NAMES = Set.of(REACTIVE_URL, JDBC_URL);
        private final Supplier<DatabaseUrl> target;
        private final String name;
        private volatile Map<String, String> values;

        DatabaseConfigSource(Supplier<DatabaseUrl> target, String name) {
            this.target = target;
            this.name = name;
        }

        @Override
        public Set<String> getPropertyNames() {
            return Set.of();
        }

        @Override
        public String getValue(String property) {
            if (!NAMES.contains(property)) {
                return null;
            }
            Map<String, String> current = values;
            if (current == null) {
                synchronized (this) {
                    if (values == null) {
                        try {
                            DatabaseUrl url = target.get();
                            values = Map.of(REACTIVE_URL, url.reactiveUrl(), JDBC_URL, url.jdbcUrl());
                        } catch (RuntimeException e) {
                            values = Map.of(); // the first read fails the start with it; reported once
                            throw e;
                        }
                    }
                    current = values;
                }
            }
            return current.get(property);
        }

        @Override
        public int getOrdinal() {
            return ORDINAL;
        }

        @Override
        public String getName() {
            return "servicegroups database (" + name + ")";
        }
    }
}
