package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 2: an item names a group by uuid or by name; both → 17, neither → 13. */
class ItemRefTest {
    private static final String UUID_TEXT = "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2";

    @Test
    void byUuid() {
        ItemRef ref = ItemRef.of(UUID_TEXT, null);

        assertThat(ref).isEqualTo(new ItemRef.ByUuid(UUID.fromString(UUID_TEXT)));
        assertThat(ref).hasToString(UUID_TEXT);
    }

    @Test
    void byUpperCaseUuid() {
        assertThat(ItemRef.of(UUID_TEXT.toUpperCase(), null))
                .isEqualTo(new ItemRef.ByUuid(UUID.fromString(UUID_TEXT)))
                .hasToString(UUID_TEXT);
    }

    @Test
    void byName() {
        ItemRef ref = ItemRef.of(null, "young-monkey-uq6dxq0u");

        assertThat(ref).isEqualTo(new ItemRef.ByName("young-monkey-uq6dxq0u"));
        assertThat(ref).hasToString("\"young-monkey-uq6dxq0u\"");
    }

    @Test
    void bothAreRefused() {
        RuleViolation violation = assertViolation(ErrorCode.NOT_BOTH, () -> ItemRef.of(UUID_TEXT, "my-group"),
                "uuid", "name", "not both");
        assertReadable(violation);
    }

    @Test
    void bothAreRefusedEvenWithAMalformedUuid() {
        assertViolation(ErrorCode.NOT_BOTH, () -> ItemRef.of("nope", "my-group"), "not both");
    }

    @ParameterizedTest(name = "name \"{0}\"")
    @ValueSource(strings = {"\u0000", "my-group\u0000", "\u0000my-group", "my\u0000group"})
    void aNameWithNulIsInvalid(String name) {
        assertViolation(ErrorCode.INVALID, () -> ItemRef.of(null, name), "name: ", "U+0000");
    }

    @Test
    void neitherIsMissingId() {
        assertViolation(ErrorCode.MISSING_ID, () -> ItemRef.of(null, null), "uuid", "name");
    }

    @ParameterizedTest(name = "uuid \"{0}\"")
    @ValueSource(strings = {"", "nope", "1-1-1-1-1", "3b5b4c362c9b46e480c67e5b561938c2",
            "{3b5b4c36-2c9b-46e4-80c6-7e5b561938c2}", " 3b5b4c36-2c9b-46e4-80c6-7e5b561938c2",
            "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2 ", "3b5b4c36-2c9b-46e4-80c6-7e5b561938cg"})
    void aMalformedUuidIsInvalid(String uuid) {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> ItemRef.of(uuid, null),
                "uuid: \"" + uuid + "\" is not a valid UUID");
        assertReadable(violation);
    }

    @Test
    void aHugeMalformedUuidIsAbbreviated() {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> ItemRef.of("x".repeat(1000), null),
                "uuid: \"" + "x".repeat(80) + "...\"");
        assertThat(violation.getMessage()).hasSizeLessThan(200);
    }
}
