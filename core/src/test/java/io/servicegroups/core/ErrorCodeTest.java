package io.servicegroups.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SPEC 1: numeric codes are stable and shared with the platform's clients. */
class ErrorCodeTest {
    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
            "UNKNOWN_ERROR, 0", "NOT_SUPPORTED, 1", "WRONG_METHOD, 2", "TOO_MANY, 5", "INVALID, 7", "NOT_FOUND, 8",
            "MISSING_ID, 13", "NOT_ALLOWED, 14", "ATTACHED, 15", "MALFORMED_REQUEST, 16", "NOT_BOTH, 17",
            "QUOTA, 19", "NOT_ATTACHED, 21", "TOO_LONG, 22", "ALREADY_EXISTS, 23",
    })
    void numbers(ErrorCode code, int number) {
        assertThat(code.code()).isEqualTo(number);
    }

    @Test
    void exactlyTheCodesOfTheSpecAndUnique() {
        assertThat(ErrorCode.values()).hasSize(15);
        assertThat(Arrays.stream(ErrorCode.values()).map(ErrorCode::code)).doesNotHaveDuplicates();
    }

    @Test
    void ruleViolationCarriesItsCode() {
        assertThat(RuleViolation.invalid("x").code()).isEqualTo(ErrorCode.INVALID);
        assertThat(new RuleViolation(ErrorCode.TOO_LONG, "y")).hasMessage("y");
    }
}
