package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * SPEC 4: {@code service_group} names one of the caller's groups by uuid or name, or describes a new implicit
 * group; a reference together with a new group's fields is invalid.
 */
class ServiceGroupChoiceTest {
    private static final String UUID_TEXT = "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2";
    private static final NewServiceGroup IMPLICIT = new NewServiceGroup(null, "my-app", null,
            List.of(new ServiceSpec(443L, 8080L, List.of("tls", "http"))), null, null);

    @Test
    void aUuidReferencesAnExistingGroup() {
        assertThat(ServiceGroupChoice.of(UUID_TEXT, null, null))
                .isEqualTo(new ServiceGroupChoice.Existing(new ItemRef.ByUuid(UUID.fromString(UUID_TEXT))));
    }

    @Test
    void anUppercaseUuidIsTheSameReference() {
        assertThat(ServiceGroupChoice.of(UUID_TEXT.toUpperCase(), null, null))
                .isEqualTo(ServiceGroupChoice.of(UUID_TEXT, null, null));
    }

    @Test
    void aNameReferencesAnExistingGroup() {
        assertThat(ServiceGroupChoice.of(null, "my-group", null))
                .isEqualTo(new ServiceGroupChoice.Existing(new ItemRef.ByName("my-group")));
    }

    @Test
    void aReferencedNameIsNotValidatedHereAnUnknownOneIsNotFoundLater() {
        // like every other item reference (ItemRef): no such group → 8 at lookup, not 7 here
        assertThat(ServiceGroupChoice.of(null, "Not A Name", null))
                .isEqualTo(new ServiceGroupChoice.Existing(new ItemRef.ByName("Not A Name")));
    }

    @Test
    void aNewGroupIsImplicit() {
        ServiceGroupChoice choice = ServiceGroupChoice.of(null, null, IMPLICIT);

        assertThat(choice).isEqualTo(new ServiceGroupChoice.Implicit(IMPLICIT));
        assertThat(((ServiceGroupChoice.Implicit) choice).group()).isSameAs(IMPLICIT);
    }

    @Test
    void aNewGroupWithoutFieldsIsStillImplicitItsRulesApplyLater() {
        NewServiceGroup empty = new NewServiceGroup(null, null, null, null, null, null);

        assertThat(ServiceGroupChoice.of(null, null, empty)).isEqualTo(new ServiceGroupChoice.Implicit(empty));
    }

    @Test
    void uuidAndNameAreNotBoth() {
        RuleViolation violation = assertViolation(ErrorCode.NOT_BOTH,
                () -> ServiceGroupChoice.of(UUID_TEXT, "my-group", null), "uuid", "name", "not both");
        assertThat(violation.getMessage()).startsWith("service_group");
        assertThat(violation.code().code()).isEqualTo(17);
        assertReadable(violation);
    }

    @Test
    void aMalformedUuidWithANameIsStillNotBoth() {
        assertViolation(ErrorCode.NOT_BOTH, () -> ServiceGroupChoice.of("nope", "my-group", null), "not both");
    }

    @Test
    void neitherUuidNorNameNorANewGroupIsMissingId() {
        RuleViolation violation = assertViolation(ErrorCode.MISSING_ID, () -> ServiceGroupChoice.of(null, null, null),
                "uuid", "name", "services");
        assertThat(violation.getMessage()).startsWith("service_group");
        assertThat(violation.code().code()).isEqualTo(13);
        assertReadable(violation);
    }

    @ParameterizedTest(name = "uuid \"{0}\"")
    @ValueSource(strings = {"", "nope", "1-1-1-1-1", "3b5b4c362c9b46e480c67e5b561938c2",
            " 3b5b4c36-2c9b-46e4-80c6-7e5b561938c2", "3b5b4c36-2c9b-46e4-80c6-7e5b561938cg"})
    void aMalformedUuidIsInvalid(String uuid) {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> ServiceGroupChoice.of(uuid, null, null),
                "service_group: uuid: \"" + uuid + "\" is not a valid UUID");
        assertThat(violation.code().code()).isEqualTo(7);
        assertReadable(violation);
    }

    @Test
    void aUuidTogetherWithANewGroupIsInvalid() {
        RuleViolation violation = assertViolation(ErrorCode.INVALID,
                () -> ServiceGroupChoice.of(UUID_TEXT, null, IMPLICIT), "uuid", "name", "services", "not both");
        assertThat(violation.getMessage()).startsWith("service_group");
        assertReadable(violation);
    }

    @Test
    void aNameTogetherWithANewGroupIsInvalid() {
        RuleViolation violation = assertViolation(ErrorCode.INVALID,
                () -> ServiceGroupChoice.of(null, "my-group", IMPLICIT), "not both");
        assertThat(violation.getMessage()).startsWith("service_group");
    }

    @Test
    void uuidNameAndANewGroupTogetherAreInvalid() {
        assertViolation(ErrorCode.INVALID, () -> ServiceGroupChoice.of(UUID_TEXT, "my-group", IMPLICIT),
                "service_group: ");
    }

    @Test
    void aMalformedUuidTogetherWithANewGroupIsInvalid() {
        assertViolation(ErrorCode.INVALID, () -> ServiceGroupChoice.of("nope", null, IMPLICIT),
                "service_group: ", "not both");
    }

    @Test
    void everyRefusalNamesTheServiceGroupField() {
        List<ThrowingCallable> calls = List.of(
                () -> ServiceGroupChoice.of(UUID_TEXT, "a", null),
                () -> ServiceGroupChoice.of(null, null, null),
                () -> ServiceGroupChoice.of("x", null, null),
                () -> ServiceGroupChoice.of(null, "a", IMPLICIT),
                () -> ServiceGroupChoice.of("", null, IMPLICIT));
        for (ThrowingCallable call : calls) {
            assertThat(catchThrowable(call)).isInstanceOf(RuleViolation.class)
                    .message().startsWith("service_group: ");
        }
    }
}
