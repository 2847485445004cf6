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
 * without it, from the embedded PostgreSQL, which starts the first time a connection setting is read.
 * Its ordinal lies below system properties and environment variables, so {@code quarkus.datasource.*} set
 * there still wins.
 */
public final class DatabaseConfigSourceFactory implements ConfigSourceFactory {
    static final String DB_URL = "sg.db.url";
    static final String DATA_DIR = "sg.data-dir";
    static final int ORDINAL = 275;

    static final String REACTIVE_URL = "quarkus.datasource.reactive.url";
    static final String JDBC_URL = "quarkus.datasource.jdbc.url";
    static final String USERNAME = "quarkus.datasource.username";
    static final String PASSWORD = "quarkus.datasource.password";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, DB_URL);
        if (url != null) {
            DatabaseUrl external = DatabaseUrl.parse(url);
            return List.of(new DatabaseConfigSource(() -> external, external.password() != null,
                    "external PostgreSQL " + external));
        }
        Path dataDir = dataDir(value(context, DATA_DIR));
        return List.of(new DatabaseConfigSource(() -> EmbeddedDatabase.startOnce(dataDir), false,
                "embedded PostgreSQL in " + dataDir));
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

    /** Connection settings computed on first read, so that nothing starts unless a connection is configured. */
    static final class DatabaseConfigSource implements ConfigSource {
        private final Supplier<DatabaseUrl> target;
        private final Set<String> names;
        private final String name;
        private volatile Map<String, String> values;

        /** {@code withPassword}: known up front, so that the property names never need the server started. */
        DatabaseConfigSource(Supplier<DatabaseUrl> target, boolean withPassword, String name) {
            this.target = target;
            this.names = withPassword ? Set.of(REACTIVE_URL, JDBC_URL, USERNAME, PASSWORD)
                    : Set.of(REACTIVE_URL, JDBC_URL, USERNAME);
            this.name = name;
        }

        @Override
        public Set<String> getPropertyNames() {
            return names;
        }

        @Override
        public String getValue(String property) {
            if (!names.contains(property)) {
                return null;
            }
            return values().get(property);
        }

        private Map<String, String> values() {
            Map<String, String> current = values;
            if (current == null) {
                synchronized (this) {
                    if (values == null) {
                        DatabaseUrl url = target.get();
                        values = url.password() == null
                                ? Map.of(REACTIVE_URL, url.reactiveUrl(), JDBC_URL, url.jdbcUrl(), USERNAME, url.user())
                                : Map.of(REACTIVE_URL, url.reactiveUrl(), JDBC_URL, url.jdbcUrl(), USERNAME, url.user(),
                                        PASSWORD, url.password());
                    }
                    current = values;
                }
            }
            return current;
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
