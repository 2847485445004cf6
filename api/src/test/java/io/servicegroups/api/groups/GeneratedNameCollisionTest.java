package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.createInstances;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.junit.QuarkusTest;
import io.servicegroups.api.support.ScriptedRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generated names and DNS suffixes that happen to be taken are drawn again instead of failing with 23. */
@QuarkusTest
class GeneratedNameCollisionTest {
    /** What ten zero draws generate: adjective, noun, then eight characters. */
    private static final String ZEROS = "agile-badger-aaaaaaaa";
    private static final int DRAWS_PER_NAME = 10;

    @AfterEach
    void unscript() {
        ScriptedRandom.clear();
    }

    private static String createGenerated(String user) {
        ScriptedRandom.zeros(DRAWS_PER_NAME);
        return create(user, Map.of("services", List.of())).body("status", is("success"))
                .extract().path("data.service_groups[0].name");
    }

    @Test
    void takenGeneratedNameIsDrawnAgain() {
        createGenerated("alice");
        String second = createGenerated("alice");
        assertThat(second).isNotEqualTo(ZEROS).matches("[a-z]+-[a-z]+-[a-z0-9]{8}");
    }

    @Test
    void generatedNameFreeForTheUserButWhoseDnsNameIsTakenIsDrawnAgain() {
        createGenerated("alice");
        String bobs = createGenerated("bob");
        assertThat(bobs).as("alice holds the DNS name " + ZEROS + ".fra0.kraft.host").isNotEqualTo(ZEROS);
    }

    @Test
    void takenGeneratedInstanceNameIsDrawnAgain() {
        ScriptedRandom.zeros(DRAWS_PER_NAME);
        createInstances("alice", Map.of("address", "10.20.0.1")).body("status", is("success"));
        ScriptedRandom.zeros(DRAWS_PER_NAME);
        String second = createInstances("alice", Map.of("address", "10.20.0.2")).body("status", is("success"))
                .extract().path("data.instances[0].name");
        assertThat(second).isNotEqualTo(ZEROS);
    }
}
