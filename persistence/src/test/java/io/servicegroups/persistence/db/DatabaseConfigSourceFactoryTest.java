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
        }, false, "test");
        assertThat(source.getPropertyNames()).contains(DatabaseConfigSourceFactory.REACTIVE_URL)
                .doesNotContain(DatabaseConfigSourceFactory.PASSWORD);
        assertThat(source.getValue("quarkus.http.port")).isNull();
        assertThat(starts).hasValue(0);

        assertThat(source.getValue(DatabaseConfigSourceFactory.REACTIVE_URL))
                .isEqualTo("postgresql://localhost:5555/postgres");
        assertThat(source.getValue(DatabaseConfigSourceFactory.JDBC_URL))
                .isEqualTo("jdbc:postgresql://localhost:5555/postgres");
        assertThat(source.getValue(DatabaseConfigSourceFactory.USERNAME)).isEqualTo("postgres");
        assertThat(starts).hasValue(1);
    }

    @Test
    void externalPasswordIsOffered() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://u:pw@h/db");
        var source = new DatabaseConfigSourceFactory.DatabaseConfigSource(() -> url, true, "test");
        assertThat(source.getValue(DatabaseConfigSourceFactory.PASSWORD)).isEqualTo("pw");
    }

    @Test
    void dataDirDefaultsToAHiddenDirectoryInHome() {
        assertThat(DatabaseConfigSourceFactory.dataDir(null))
                .isEqualTo(Path.of(System.getProperty("user.home"), ".servicegroups"));
        assertThat(DatabaseConfigSourceFactory.dataDir("/srv/sg")).isEqualTo(Path.of("/srv/sg"));
    }
}
