package io.servicegroups.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Strict UUID syntax: 8-4-4-4-12 hex digits, either case. */
class UuidsTest {
    @ParameterizedTest(name = "\"{0}\" is accepted")
    @ValueSource(strings = {"3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "3B5B4C36-2C9B-46E4-80C6-7E5B561938C2",
            "3b5B4c36-2C9b-46e4-80c6-7e5B561938c2"})
    void canonicalFormInAnyCase(String value) {
        assertThat(Uuids.parse(value)).contains(UUID.fromString("3b5b4c36-2c9b-46e4-80c6-7e5b561938c2"));
    }

    @Test
    void nilAndMaxUuids() {
        assertThat(Uuids.parse("00000000-0000-0000-0000-000000000000")).contains(new UUID(0, 0));
        assertThat(Uuids.parse("ffffffff-ffff-ffff-ffff-ffffffffffff")).contains(new UUID(-1, -1));
    }

    @Test
    void roundTripsRandomUuids() {
        for (int i = 0; i < 100; i++) {
            UUID uuid = UUID.randomUUID();
            assertThat(Uuids.parse(uuid.toString())).contains(uuid);
            assertThat(Uuids.parse(uuid.toString().toUpperCase())).contains(uuid);
        }
    }

    @Test
    void lenientFormsThatUuidFromStringAccepts() {
        assertThat(UUID.fromString("1-1-1-1-1")).isNotNull();
        assertThat(Uuids.parse("1-1-1-1-1")).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @NullAndEmptySource
    @ValueSource(strings = {
            "1-1-1-1-1",
            "3b5b4c362c9b46e480c67e5b561938c2",
            "{3b5b4c36-2c9b-46e4-80c6-7e5b561938c2}",
            "urn:uuid:3b5b4c36-2c9b-46e4-80c6-7e5b561938c2",
            " 3b5b4c36-2c9b-46e4-80c6-7e5b561938c2",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2 ",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2\n",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c21",
            "03b5b4c36-2c9b-46e4-80c6-7e5b561938c2",
            "3b5b4c3-62c9b-46e4-80c6-7e5b561938c2",
            "3b5b4c36-2c9b-46e4-80c67e5b-561938c2",
            "3b5b4c36_2c9b_46e4_80c6_7e5b561938c2",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938cg",
            "+b5b4c36-2c9b-46e4-80c6-7e5b561938c2",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c\u0662",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c\uff12",
            "not a uuid",
    })
    void everythingElse(String value) {
        assertThat(Uuids.parse(value)).isEmpty();
    }
}
