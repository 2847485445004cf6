package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.2-3.4: a requested group turned into a validated draft. */
class ServiceGroupRulesTest {
    private static final String SUFFIX = ".fra0.kraft.host";
    private static final String GENERATED = "[a-z]+-[a-z]+-[a-z0-9]{8}";

    private final DnsNames dnsNames = new DnsNames("fra0.kraft.host", DnsNames.DEFAULT_RESERVED_LABELS);

    private ServiceGroupRules rules() {
        return new ServiceGroupRules(dnsNames, new CountingRandom());
    }

    private ServiceGroupDraft draft(Request request) {
        return rules().draft(request.build(), true);
    }

    /** A mutable request with a valid default: one HTTPS service. */
    private static final class Request {
        String name;
        String dnsName;
        List<String> domains;
        List<ServiceSpec> services = new ArrayList<>(List.of(https()));
        Long soft;
        Long hard;

        Request name(String value) {
            name = value;
            return this;
        }

        Request dnsName(String value) {
            dnsName = value;
            return this;
        }

        Request domains(String... names) {
            domains = Arrays.asList(names);
            return this;
        }

        Request services(ServiceSpec... specs) {
            services = Arrays.asList(specs);
            return this;
        }

        Request services(List<ServiceSpec> specs) {
            services = specs;
            return this;
        }

        Request limits(Long softLimit, Long hardLimit) {
            soft = softLimit;
            hard = hardLimit;
            return this;
        }

        NewServiceGroup build() {
            return new NewServiceGroup(name, dnsName, domains, services, soft, hard);
        }
    }

    private static Request request() {
        return new Request();
    }

    private static ServiceSpec https() {
        return new ServiceSpec(443L, 8080L, List.of("tls", "http"));
    }

    private static ServiceSpec http() {
        return new ServiceSpec(80L, 8080L, List.of("http"));
    }

    private static ServiceSpec tls(long port) {
        return new ServiceSpec(port, null, List.of("tls"));
    }

    @Nested
    class NamesAndDnsNames {
        @Test
        void aNameIsGeneratedWhenNoneIsGiven() {
            ServiceGroupDraft draft = draft(request());

            assertThat(draft.name()).matches(GENERATED);
            assertThatCode(() -> Names.check("name", draft.name())).doesNotThrowAnyException();
            assertThat(draft.fqdn()).isEqualTo(draft.name() + SUFFIX);
            assertThat(draft.dnsName().custom()).isFalse();
        }

        @Test
        void theGeneratedNameIsDeterministicWithAFixedRandomSource() {
            ServiceGroupDraft draft = draft(request());

            assertThat(draft.name()).isEqualTo("agile-beacon-cdefghij");
            assertThat(draft.fqdn()).isEqualTo("agile-beacon-cdefghij" + SUFFIX);
        }

        @Test
        void generatedNamesDifferWithSecureRandom() {
            ServiceGroupRules rules = new ServiceGroupRules(dnsNames, RandomSource.secure());

            String first = rules.draft(request().build(), true).name();
            String second = rules.draft(request().build(), true).name();

            assertThat(first).matches(GENERATED).isNotEqualTo(second);
        }

        @Test
        void anExplicitNameGetsARandomSuffixInItsFqdn() {
            ServiceGroupDraft draft = draft(request().name("my-project"));

            assertThat(draft.name()).isEqualTo("my-project");
            assertThat(draft.fqdn()).isEqualTo("my-project-abcdefgh" + SUFFIX);
            assertThat(draft.dnsName().custom()).isFalse();
        }

        @Test
        void anExplicitNameGetsAnyEightCharacterSuffix() {
            ServiceGroupRules rules = new ServiceGroupRules(dnsNames, RandomSource.secure());

            ServiceGroupDraft draft = rules.draft(request().name("my-project").build(), true);

            assertThat(draft.fqdn()).matches("my-project-[a-z0-9]{8}\\.fra0\\.kraft\\.host");
        }

        @Test
        void aLongNameIsKeptButCutInTheFqdn() {
            String name = "n".repeat(63);

            ServiceGroupDraft draft = draft(request().name(name));

            assertThat(draft.name()).isEqualTo(name);
            assertThat(draft.fqdn()).isEqualTo("n".repeat(54) + "-abcdefgh" + SUFFIX);
        }

        @ParameterizedTest(name = "name \"{0}\"")
        @CsvSource(delimiter = '|', textBlock = """
                My-Project | INVALID
                1project   | INVALID
                project-   | INVALID
                ''         | INVALID
                my_project | INVALID
                """)
        void anInvalidNameIsRefused(String name, ErrorCode code) {
            RuleViolation violation = assertViolation(code, () -> draft(request().name(name)), "name: ");
            assertThat(violation.getMessage()).startsWith("name: ");
        }

        @Test
        void aTooLongNameIsRefused() {
            assertViolation(ErrorCode.TOO_LONG, () -> draft(request().name("a".repeat(64))), "name: ",
                    "64 characters");
        }

        @Test
        void dnsNameWinsOverName() {
            ServiceGroupDraft draft = draft(request().name("my-project").dnsName("shop"));

            assertThat(draft.name()).isEqualTo("my-project");
            assertThat(draft.fqdn()).isEqualTo("shop" + SUFFIX);
        }

        @Test
        void dnsNameWithoutNameKeepsAGeneratedName() {
            ServiceGroupDraft draft = draft(request().dnsName("My-Shop"));

            assertThat(draft.name()).matches(GENERATED);
            assertThat(draft.fqdn()).isEqualTo("my-shop" + SUFFIX);
        }

        @Test
        void aFullyQualifiedDnsNameIsCustom() {
            ServiceGroupDraft draft = draft(request().dnsName("Shop.Example.com.").services(http()));

            assertThat(draft.dnsName()).isEqualTo(new DnsName("shop.example.com", true));
            assertThat(draft.fqdn()).isEqualTo("shop.example.com");
        }

        @ParameterizedTest(name = "dns_name \"{0}\" → {1}")
        @CsvSource({"www, NOT_ALLOWED", "a..b, INVALID", "localhost., INVALID", "fra0.kraft.host., NOT_ALLOWED"})
        void anInvalidDnsNameIsRefused(String dnsName, ErrorCode code) {
            assertViolation(code, () -> draft(request().dnsName(dnsName)), "dns_name: \"" + dnsName + "\"");
        }
    }

    @Nested
    class Domains {
        @ParameterizedTest(name = "domains [\"{0}\"] = dns_name \"{0}\"")
        @ValueSource(strings = {"shop", "My-Shop", "shop.example.com.", "x.fra0.kraft.host."})
        void oneDomainMeansDnsName(String value) {
            ServiceGroupDraft viaDomains = draft(request().name("my-project").domains(value).services(http()));
            ServiceGroupDraft viaDnsName = draft(request().name("my-project").dnsName(value).services(http()));

            assertThat(viaDomains).usingRecursiveComparison().ignoringFields("dnsField").isEqualTo(viaDnsName);
            assertThat(viaDomains.dnsField()).isEqualTo("domains[0].name");
        }

        @Test
        void twoDomainsAreNotSupported() {
            assertViolation(ErrorCode.NOT_SUPPORTED, () -> draft(request().domains("a", "b")),
                    "domains: ", "only one domain", "got 2");
        }

        @Test
        void twoDomainsOneOfThemWithoutNameAreNotSupported() {
            assertViolation(ErrorCode.NOT_SUPPORTED, () -> draft(request().domains("a", null)), "domains: ");
        }

        @Test
        void domainsAndDnsNameTogetherAreRefused() {
            assertViolation(ErrorCode.NOT_BOTH, () -> draft(request().dnsName("a").domains("a")),
                    "dns_name", "domains");
        }

        @Test
        void bothIsReportedBeforeTooMany() {
            assertViolation(ErrorCode.NOT_BOTH, () -> draft(request().dnsName("a").domains("a", "b")), "not both");
        }

        @Test
        void aDomainWithoutNameIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> draft(request().domains((String) null)),
                    "domains[0].name: is required");
        }

        @Test
        void anEmptyDomainsListIsLikeNone() {
            assertThat(draft(request().name("my-project").domains()).fqdn())
                    .isEqualTo("my-project-abcdefgh" + SUFFIX);
            assertThat(draft(request().dnsName("shop").domains()).fqdn()).isEqualTo("shop" + SUFFIX);
        }

        @Test
        void aBadDomainNameNamesItsField() {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> draft(request().domains("www")), "domains[0].name");
        }
    }

    @Nested
    class Services {
        @Test
        void areRequired() {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> draft(request().services((List<ServiceSpec>) null)),
                    "services: is required");
            assertReadable(violation);
        }

        @Test
        void mayBeEmpty() {
            ServiceGroupDraft draft = draft(request().services(List.of()));

            assertThat(draft.services()).isEmpty();
            assertThat(draft.warnings()).isEmpty();
        }

        @Test
        void sixtyFourAreAccepted() {
            ServiceGroupDraft draft = draft(request().services(tlsPorts(64)));

            assertThat(draft.services()).hasSize(64);
            assertThat(draft.services()).extracting(PublishedService::port)
                    .containsExactlyElementsOf(LongStream.rangeClosed(1000, 1063).boxed().map(Long::intValue).toList());
        }

        @Test
        void sixtyFiveAreTooMany() {
            assertViolation(ErrorCode.TOO_MANY, () -> draft(request().services(tlsPorts(65))),
                    "services: at most 64", "got 65");
        }

        @Test
        void areValidatedInOrderAndKeepTheirOrder() {
            ServiceGroupDraft draft = draft(request().services(tls(8443), https(), http()));

            assertThat(draft.services()).containsExactly(
                    new PublishedService(8443, 8443, List.of(Handler.TLS)),
                    new PublishedService(443, 8080, List.of(Handler.TLS, Handler.HTTP)),
                    new PublishedService(80, 8080, List.of(Handler.HTTP)));
        }

        @Test
        void anInvalidServiceIsNamedByItsIndex() {
            ServiceSpec bad = new ServiceSpec(443L, null, List.of("tls"));

            assertViolation(ErrorCode.INVALID, () -> draft(request().services(http(), tls(22), bad)),
                    "services[2].handlers: port 443 requires both \"tls\" and \"http\"");
            assertViolation(ErrorCode.INVALID, () -> draft(request().services(http(), tls(0))),
                    "services[1].port: 0");
        }

        @Test
        void aPortTwiceIsInvalidAndBothIndexesAreNamed() {
            ServiceSpec again = new ServiceSpec(443L, 9090L, List.of("http", "tls"));

            assertViolation(ErrorCode.INVALID, () -> draft(request().services(https(), tls(22), again)),
                    "services[2].port: 443", "services[0]");
        }

        @Test
        void theSameDestinationPortTwiceIsFine() {
            ServiceGroupDraft draft = draft(request().services(https(), http(), new ServiceSpec(8443L, 8080L,
                    List.of("tls"))));

            assertThat(draft.services()).extracting(PublishedService::destinationPort).containsOnly(8080);
        }

        @Test
        void theSeedDocumentExample() {
            ServiceGroupDraft draft = rules().draft(new NewServiceGroup(null, null, null,
                    List.of(new ServiceSpec(443L, 8080L, List.of("tls", "http"))), null, null), true);

            assertThat(draft.name()).matches(GENERATED);
            assertThat(draft.fqdn()).isEqualTo(draft.name() + SUFFIX);
            assertThat(draft.services()).containsExactly(new PublishedService(443, 8080,
                    List.of(Handler.TLS, Handler.HTTP)));
            assertThat(draft.limits()).isEqualTo(new ConcurrencyLimits(1, 65535));
            assertThat(draft.persistent()).isTrue();
            assertThat(draft.warnings()).isEmpty();
        }

        @Test
        void theDraftListsAreImmutable() {
            ServiceGroupDraft draft = draft(request());

            assertThatThrownBy(() -> draft.services().clear()).isInstanceOf(UnsupportedOperationException.class);
            assertThatThrownBy(() -> draft.warnings().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void aNullServiceIsInvalid() {
            List<ServiceSpec> services = new ArrayList<>();
            services.add(null);

            assertViolation(ErrorCode.INVALID, () -> draft(request().services(services)), "services[0]");
        }

        private static List<ServiceSpec> tlsPorts(int count) {
            return LongStream.range(1000, 1000 + count).mapToObj(ServiceGroupRulesTest::tls).toList();
        }
    }

    @Nested
    class Limits {
        @Test
        void defaultTo1And65535() {
            assertThat(draft(request()).limits()).isEqualTo(new ConcurrencyLimits(1, 65535))
                    .isEqualTo(ConcurrencyLimits.DEFAULT);
        }

        @Test
        void areTakenWhenGiven() {
            assertThat(draft(request().limits(10L, 100L)).limits()).isEqualTo(new ConcurrencyLimits(10, 100));
            assertThat(draft(request().limits(7L, 7L)).limits()).isEqualTo(new ConcurrencyLimits(7, 7));
        }

        @Test
        void softAboveHardIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> draft(request().limits(100L, 10L)),
                    "soft_limit: 100", "hard_limit 10");
        }

        @Test
        void outOfRangeIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> draft(request().limits(0L, null)), "soft_limit: 0");
            assertViolation(ErrorCode.INVALID, () -> draft(request().limits(null, 65536L)), "hard_limit: 65536");
        }
    }

    @Nested
    class Warnings {
        @Test
        void aCustomFqdnWithTlsGetsAWarningNamingItAndThePorts() {
            ServiceGroupDraft draft = draft(request().dnsName("shop.example.com.").services(http(), https(),
                    tls(8443)));

            assertThat(draft.warnings()).singleElement().asString()
                    .contains("dns_name \"shop.example.com.\"", "experimental", "[443, 8443]");
        }

        @Test
        void aCustomFqdnWithoutTlsGetsNoWarning() {
            assertThat(draft(request().dnsName("shop.example.com.").services(http())).warnings()).isEmpty();
            assertThat(draft(request().dnsName("shop.example.com.").services(List.of())).warnings()).isEmpty();
        }

        @Test
        void aCustomFqdnGivenAsDomainGetsTheWarningToo() {
            assertThat(draft(request().domains("shop.example.com.").services(https())).warnings()).hasSize(1);
        }

        @ParameterizedTest(name = "dns_name {0}")
        @ValueSource(strings = {"shop", "shop.fra0.kraft.host.", "Shop.FRA0.kraft.host."})
        void aNameUnderTheMetroDomainGetsNoWarning(String dnsName) {
            assertThat(draft(request().dnsName(dnsName).services(https(), tls(8443))).warnings()).isEmpty();
        }

        @Test
        void derivedAndGeneratedNamesGetNoWarning() {
            assertThat(draft(request().name("my-project").services(https())).warnings()).isEmpty();
            assertThat(draft(request().services(https())).warnings()).isEmpty();
        }
    }

    @ParameterizedTest(name = "persistent={0}")
    @ValueSource(booleans = {true, false})
    void thePersistentFlagIsPassedThrough(boolean persistent) {
        assertThat(rules().draft(request().build(), persistent).persistent()).isEqualTo(persistent);
    }

    @Test
    void theDraftKnowsWhereItsDnsNameCameFrom() {
        assertThat(rules().draft(request().dnsName("shop").build(), true).dnsField()).isEqualTo("dns_name");
        assertThat(rules().draft(request().domains("shop").build(), true).dnsField()).isEqualTo("domains[0].name");
        ServiceGroupDraft derived = rules().draft(request().name("my-project").build(), true);
        assertThat(derived.dnsField()).isNull();
        assertThat(derived.dnsNameRandom()).isTrue();
        assertThat(rules().draft(request().build(), true).dnsNameRandom()).isTrue();
    }
}
