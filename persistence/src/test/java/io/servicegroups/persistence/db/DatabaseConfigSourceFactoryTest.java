package io.servicegroups.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DatabaseConfigSourceFactoryTest {

    @Test
    void nothingStartsUntilAConnectionSettingIsRead() {
        AtomicInteger starts = new AtomicInteger();
        var source = new DatabaseConfigSourceFactory.DatabaseConfigSource(() -> {
            starts.incrementAndGet();
            return DatabaseUrl.local(5555, "postgres", "postgres");
        }, "test");
        assertThat(source.getPropertyNames()).as("listed names would be read by the build").isEmpty();
        assertThat(source.getValue("quarkus.http.port")).isNull();
        assertThat(starts).hasValue(0);

        assertThat(source.getValue(DatabaseConfigSourceFactory.REACTIVE_URL))
                .isEqualTo("postgresql://postgres@localhost:5555/postgres");
        assertThat(source.getValue(DatabaseConfigSourceFactory.JDBC_URL))
                .isEqualTo("jdbc:postgresql://localhost:5555/postgres?user=postgres");
        assertThat(starts).hasValue(1);
    }

    @Test
    void externalCredentialsTravelInTheUrls() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:p%40ss@h/db");
        var source = new DatabaseConfigSourceFactory.DatabaseConfigSource(() -> url, "test");
        assertThat(source.getValue(DatabaseConfigSourceFactory.REACTIVE_URL)).isEqualTo("postgresql://u:p%40ss@h:5432/db");
        assertThat(source.getValue(DatabaseConfigSourceFactory.JDBC_URL))
                .isEqualTo("jdbc:postgresql://h:5432/db?user=u&password=p%40ss");
    }

    @Test
    void dataDirDefaultsToAHiddenDirectoryInHome() {
        assertThat(DatabaseConfigSourceFactory.dataDir(null))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".servicegroups"));
        assertThat(DatabaseConfigSourceFactory.dataDir("/srv/sg")).isEqualTo(Path.of("/srv/sg"));
    }
}
