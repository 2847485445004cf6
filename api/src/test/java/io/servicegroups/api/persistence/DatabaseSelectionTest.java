package io.servicegroups.api.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.persistence.db.DatabaseUrl;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * With SG_DB_URL every connection goes to that server and nothing embedded starts; without it the embedded
 * PostgreSQL serves. CI runs the suite both ways, so each run checks one side.
 */
@QuarkusTest
class DatabaseSelectionTest {
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String reactiveUrl;

    @Test
    void connectionsGoWhereTheConfigurationSays() {
        String external = System.getenv("SG_DB_URL");
        if (external != null && !external.isBlank()) {
            DatabaseUrl url = DatabaseUrl.parse(external);
            assertThat(jdbcUrl).isEqualTo(url.jdbcUrl());
            assertThat(reactiveUrl).isEqualTo(url.reactiveUrl());
            assertThat(System.getProperty("servicegroups.embedded-postgres.port")).as("embedded port").isNull();
        } else {
            String port = System.getProperty("servicegroups.embedded-postgres.port");
            assertThat(port).as("embedded port").isNotNull();
            assertThat(jdbcUrl).startsWith("jdbc:postgresql://localhost:" + port + "/");
            assertThat(reactiveUrl).contains("@localhost:" + port + "/");
        }
    }
}
