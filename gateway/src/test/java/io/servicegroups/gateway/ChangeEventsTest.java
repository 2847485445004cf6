package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeEventsTest {
    private static final UUID GROUP = UUID.fromString("5b1e2a7c-2f55-4c38-9f55-0b6ad1b8e001");
    private static final UUID INSTANCE = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");

    @Test
    void aGroupEventNamesTheGroup() {
        assertThat(ChangeEvents.groupOf("{\"entity\": \"service_group\", \"change\": \"deleted\", \"uuid\": \""
                + GROUP + "\", \"owner\": \"alice\"}")).contains(GROUP);
    }

    @Test
    void anInstanceEventNamesItsGroup() {
        String payload = "{\"entity\": \"instance\", \"change\": \"updated\", \"uuid\": \"" + INSTANCE
                + "\", \"owner\": \"alice\", \"fields\": [\"state\"], \"service_group\": \"" + GROUP + "\"}";
        assertThat(ChangeEvents.groupOf(payload)).contains(GROUP);
        assertThat(ChangeEvents.concernsNoGroup(payload)).isFalse();
    }

    @Test
    void aPrivateInstanceConcernsNoGroup() {
        String payload = "{\"entity\": \"instance\", \"change\": \"created\", \"uuid\": \"" + INSTANCE
                + "\", \"owner\": \"alice\", \"service_group\": null}";
        assertThat(ChangeEvents.concernsNoGroup(payload)).isTrue();
        assertThat(ChangeEvents.groupOf(payload)).isEmpty();
    }

    @Test
    void anUnreadablePayloadNamesNothing() {
        assertThat(ChangeEvents.groupOf("not json")).isEmpty();
        assertThat(ChangeEvents.groupOf("{\"entity\": \"api_token\"}")).isEmpty();
        assertThat(ChangeEvents.concernsNoGroup("not json")).isFalse();
    }
}
