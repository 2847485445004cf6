package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.4: names are 1-63 characters of [a-z0-9-], starting with a letter, not ending with '-'. */
class NamesTest {
    private static void check(String value) {
        Names.check("name", value);
    }

    @ParameterizedTest(name = "\"{0}\" is valid")
    @ValueSource(strings = {"a", "z", "ab", "a1", "a-b", "a--b", "my-project", "young-monkey-uq6dxq0u", "x9-9-9",
            "abcdefghijklmnopqrstuvwxyz0123456789"})
    void validNames(String value) {
        assertThatCode(() -> check(value)).doesNotThrowAnyException();
    }

    @Test
    void sixtyThreeCharactersAreAccepted() {
        assertThatCode(() -> check("a".repeat(63))).doesNotThrowAnyException();
        assertThatCode(() -> check("a" + "-b".repeat(31))).doesNotThrowAnyException();
    }

    @Test
    void sixtyFourCharactersAreTooLong() {
        String value = "a".repeat(64);

        RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> check(value),
                "name: \"" + value + "\" is 64 characters long", "at most 63");
        assertReadable(violation);
    }

    @Test
    void aHugeNameIsAbbreviatedInTheMessage() {
        RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> check("a".repeat(10_000)),
                "name: \"" + "a".repeat(80) + "...\"", "is 10000 characters long");
        assertReadable(violation);
    }

    @Test
    void emptyIsInvalid() {
        assertViolation(ErrorCode.INVALID, () -> check(""), "name: must not be empty");
    }

    @ParameterizedTest(name = "\"{0}\" contains {1}")
    @CsvSource(delimiter = '|', textBlock = """
            My-Project    | 'M'
            myProject     | 'P'
            ABC           | 'A'
            my_project    | '_'
            my.project    | '.'
            my project    | U+0020
            ' myproject'  | U+0020
            'myproject '  | U+0020
            münchen       | U+00FC
            \u212Aube     | U+212A
            ä             | U+00E4
            tab\\there    | U+0009
            """)
    void otherCharactersAreInvalid(String value, String shown) {
        String name = value.replace("\\t", "\t");
        String described = shown.startsWith("U+") ? shown : "'" + shown.replace("'", "") + "'";

        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(name),
                "name: \"" + name + "\" contains " + described, "only lowercase letters a-z, digits and '-'");
        assertReadable(violation);
    }

    @ParameterizedTest(name = "\"{0}\" does not start with a letter")
    @ValueSource(strings = {"1", "1abc", "9-lives", "0a", "-", "-abc", "-a-"})
    void mustStartWithALetter(String value) {
        assertViolation(ErrorCode.INVALID, () -> check(value),
                "name: \"" + value + "\" must start with a lowercase letter");
    }

    @ParameterizedTest(name = "\"{0}\" ends with '-'")
    @ValueSource(strings = {"a-", "abc-", "a--", "my-project-"})
    void mustNotEndWithAHyphen(String value) {
        assertViolation(ErrorCode.INVALID, () -> check(value), "name: \"" + value + "\" must not end with '-'");
    }

    @Test
    void lengthIsCheckedBeforeCharacters() {
        assertViolation(ErrorCode.TOO_LONG, () -> check("A".repeat(64)), "64 characters");
    }

    @Test
    void theFieldGivenNamesTheMessage() {
        assertViolation(ErrorCode.INVALID, () -> Names.check("items[3].name", "Bad"), "items[3].name: \"Bad\"");
    }
}
