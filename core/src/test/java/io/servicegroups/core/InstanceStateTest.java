package io.servicegroups.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 4: the states of an instance and their names on the wire. */
class InstanceStateTest {

    @Test
    void thereAreExactlyRunningDrainingAndStopped() {
        assertThat(InstanceState.values())
                .containsExactly(InstanceState.RUNNING, InstanceState.DRAINING, InstanceState.STOPPED);
    }

    @Test
    void wireNamesAreLowercase() {
        assertThat(InstanceState.RUNNING.wireName()).isEqualTo("running");
        assertThat(InstanceState.DRAINING.wireName()).isEqualTo("draining");
        assertThat(InstanceState.STOPPED.wireName()).isEqualTo("stopped");
    }

    @ParameterizedTest
    @EnumSource(InstanceState.class)
    void wireNamesRoundTrip(InstanceState state) {
        assertThat(InstanceState.fromWireName(state.wireName())).contains(state);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @NullAndEmptySource
    @ValueSource(strings = {"RUNNING", "Running", " running", "running ", "stopping", "starting", "paused",
            "DRAINING", "draining\n"})
    void unknownOrDifferentlySpelledNamesAreNotStates(String name) {
        assertThat(InstanceState.fromWireName(name)).isEmpty();
    }
}
