package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.servicegroups.core.NewInstance.ServiceGroupRequest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 4 / the issue: a requested instance turned into a validated draft (name, address, service group). */
class InstanceRulesTest {
    private static final String GENERATED = "[a-z]+-[a-z]+-[a-z0-9]{8}";
    private static final String UUID_TEXT = "3b5b4c36-2c9b-46e4-80c6-7e5b561938c2";
    private static final NewServiceGroup IMPLICIT = new NewServiceGroup(null, null, null,
            List.of(new ServiceSpec(443L, 8080L, List.of("tls", "http"))), null, null);

    private static InstanceDraft draft(String name, String address, ServiceGroupRequest group) {
        return new InstanceRules(new CountingRandom()).draft(new NewInstance(name, address, group));
    }

    private static InstanceDraft draftNamed(String name, String address, ServiceGroupRequest group) {
        return new InstanceRules(CountingRandom.unused()).draft(new NewInstance(name, address, group));
    }

    @Nested
    class Name {
        @Test
        void isGeneratedWhenNoneIsGivenLikeGroupNames() {
            InstanceDraft draft = draft(null, "10.0.0.1", null);

            assertThat(draft.name()).matches(GENERATED).hasSizeLessThanOrEqualTo(Names.MAX_LENGTH);
            assertThatCode(() -> Names.check("name", draft.name())).doesNotThrowAnyException();
            String[] parts = draft.name().split("-");
            assertThat(NameGenerator.ADJECTIVES).contains(parts[0]);
            assertThat(NameGenerator.NOUNS).contains(parts[1]);
        }

        @Test
        void theGeneratedNameIsDeterministicWithAFixedRandomSource() {
            assertThat(draft(null, "10.0.0.1", null).name()).isEqualTo("agile-beacon-cdefghij");
            assertThat(new InstanceRules(new CountingRandom(7)).draft(new NewInstance(null, "b", null)).name())
                    .isEqualTo(new NameGenerator(new CountingRandom(7)).generate());
        }

        @Test
        void successiveDraftsGetSuccessiveNames() {
            InstanceRules rules = new InstanceRules(new CountingRandom());
            NameGenerator reference = new NameGenerator(new CountingRandom());

            for (int i = 0; i < 5; i++) {
                assertThat(rules.draft(new NewInstance(null, "backend", null)).name())
                        .isEqualTo(reference.generate());
            }
        }

        @Test
        void generatedNamesDifferWithSecureRandom() {
            InstanceRules rules = new InstanceRules(RandomSource.secure());

            String first = rules.draft(new NewInstance(null, "backend", null)).name();
            String second = rules.draft(new NewInstance(null, "backend", null)).name();

            assertThat(first).matches(GENERATED).isNotEqualTo(second);
        }

        @Test
        void aGivenNameIsKeptAndNoRandomIsUsed() {
            assertThat(draftNamed("my-backend", "10.0.0.1", null).name()).isEqualTo("my-backend");
        }

        @Test
        void aGivenNameOf63CharactersIsAccepted() {
            String name = "a".repeat(63);

            assertThat(draftNamed(name, "10.0.0.1", null).name()).isEqualTo(name);
        }

        @Test
        void aGivenNameOf64CharactersIsTooLong() {
            RuleViolation violation = assertViolation(ErrorCode.TOO_LONG,
                    () -> draftNamed("a".repeat(64), "10.0.0.1", null), "name: ", "64 characters", "63");
            assertThat(violation.code().code()).isEqualTo(22);
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"My-Backend", "BACKEND", "my_backend", "my backend", "my.backend", "bücher"})
        void aGivenNameWithOtherCharactersIsInvalid(String name) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> draftNamed(name, "10.0.0.1", null),
                    "name: ", "contains");
            assertThat(violation.code().code()).isEqualTo(7);
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"1backend", "-backend", "backend-", ""})
        void aGivenNameBreakingTheOtherNameRulesIsInvalid(String name) {
            assertViolation(ErrorCode.INVALID, () -> draftNamed(name, "10.0.0.1", null), "name: ");
        }

        @Test
        void aRefusedDraftUsesNoRandom() {
            CountingRandom random = new CountingRandom();
            InstanceRules rules = new InstanceRules(random);

            catchThrowable(() -> rules.draft(new NewInstance(null, "bad_host", null)));
            catchThrowable(() -> rules.draft(new NewInstance(null, "backend", new ServiceGroupRequest(null, null,
                    null))));

            assertThat(random.calls()).isZero();
            assertThat(rules.draft(new NewInstance(null, "backend", null)).name())
                    .isEqualTo("agile-beacon-cdefghij");
        }

        @Test
        void theNameIsCheckedBeforeTheAddress() {
            assertViolation(ErrorCode.TOO_LONG, () -> draftNamed("a".repeat(64), null, null), "name: ");
            assertViolation(ErrorCode.INVALID, () -> draftNamed("Upper", "bad_host", null), "name: ");
        }
    }

    @Nested
    class Address {
        @Test
        void isRequired() {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> draft(null, null, null),
                    "address", "required");
            assertThat(violation.getMessage()).startsWith("address: ");
            assertThat(violation.code().code()).isEqualTo(7);
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", "  "})
        void mustNotBeEmpty(String address) {
            assertViolation(ErrorCode.INVALID, () -> draft(null, address, null), "address: must not be empty");
        }

        @Test
        void isCanonicalised() {
            assertThat(draft(null, "Backend.Example.COM.", null).address()).isEqualTo("backend.example.com");
            assertThat(draft(null, "FE80::1", null).address()).isEqualTo("fe80::1");
            assertThat(draft(null, "10.0.0.1", null).address()).isEqualTo("10.0.0.1");
        }

        @Test
        void anInvalidAddressIsRefusedNamingTheAddressField() {
            assertViolation(ErrorCode.INVALID, () -> draft(null, "010.0.0.1", null), "address: ", "IPv4");
            assertViolation(ErrorCode.INVALID, () -> draft(null, "backend:8080", null), "address: ", "port");
            assertViolation(ErrorCode.TOO_LONG, () -> draft(null, "a".repeat(64), null), "address: ");
        }

        @Test
        void theAddressIsCheckedBeforeTheServiceGroup() {
            assertViolation(ErrorCode.INVALID, () -> draft(null, null, new ServiceGroupRequest(null, null, null)),
                    "address: ");
        }
    }

    @Nested
    class ServiceGroup {
        @Test
        void absentMeansAPrivateInstance() {
            assertThat(draft(null, "10.0.0.1", null).serviceGroup()).isEqualTo(new ServiceGroupChoice.None());
        }

        @Test
        void aReferenceByUuid() {
            assertThat(draft(null, "10.0.0.1", new ServiceGroupRequest(UUID_TEXT, null, null)).serviceGroup())
                    .isEqualTo(new ServiceGroupChoice.Existing(new ItemRef.ByUuid(UUID.fromString(UUID_TEXT))));
        }

        @Test
        void aReferenceByName() {
            assertThat(draft(null, "10.0.0.1", new ServiceGroupRequest(null, "my-group", null)).serviceGroup())
                    .isEqualTo(new ServiceGroupChoice.Existing(new ItemRef.ByName("my-group")));
        }

        @Test
        void aNewGroupIsImplicit() {
            ServiceGroupChoice choice = draft(null, "10.0.0.1", new ServiceGroupRequest(null, null, IMPLICIT))
                    .serviceGroup();

            assertThat(choice).isEqualTo(new ServiceGroupChoice.Implicit(IMPLICIT));
        }

        @Test
        void theWholeDraft() {
            InstanceDraft draft = draftNamed("web-1", "Web1.Internal.", new ServiceGroupRequest(null, "web", null));

            assertThat(draft).isEqualTo(new InstanceDraft("web-1", "web1.internal",
                    new ServiceGroupChoice.Existing(new ItemRef.ByName("web"))));
        }

        @Test
        void anEmptyServiceGroupIsMissingId() {
            RuleViolation violation = assertViolation(ErrorCode.MISSING_ID,
                    () -> draft(null, "10.0.0.1", new ServiceGroupRequest(null, null, null)), "service_group: ");
            assertThat(violation.code().code()).isEqualTo(13);
        }

        @Test
        void uuidAndNameAreNotBoth() {
            assertViolation(ErrorCode.NOT_BOTH,
                    () -> draft(null, "10.0.0.1", new ServiceGroupRequest(UUID_TEXT, "my-group", null)),
                    "service_group: ", "not both");
        }

        @Test
        void aMalformedUuidIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> draft(null, "10.0.0.1", new ServiceGroupRequest("nope", null,
                    null)), "service_group: uuid: \"nope\" is not a valid UUID");
        }

        @Test
        void aReferenceTogetherWithANewGroupIsInvalid() {
            assertViolation(ErrorCode.INVALID,
                    () -> draft(null, "10.0.0.1", new ServiceGroupRequest(UUID_TEXT, null, IMPLICIT)),
                    "service_group: ", "not both");
            assertViolation(ErrorCode.INVALID,
                    () -> draft(null, "10.0.0.1", new ServiceGroupRequest(null, "my-group", IMPLICIT)),
                    "service_group: ", "not both");
        }
    }
}
