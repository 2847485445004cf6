package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.4, DNS names. */
class DnsNamesTest {
    private static final String METRO = "fra0.kraft.host";
    private static final String SUFFIX = "." + METRO;
    private static final String FIELD = "dns_name";

    private final DnsNames dns = new DnsNames(METRO, DnsNames.DEFAULT_RESERVED_LABELS);

    private DnsName request(String requested) {
        return dns.fromRequest(FIELD, requested);
    }

    private static DnsName metro(String fqdn) {
        return new DnsName(fqdn, false);
    }

    private static DnsName custom(String fqdn) {
        return new DnsName(fqdn, true);
    }

    /** A valid dot-separated name of exactly {@code length} characters, labels of at most 63 characters. */
    static String nameOfLength(int length) {
        StringBuilder name = new StringBuilder();
        char letter = 'a';
        while (length - name.length() > DnsNames.MAX_LABEL_LENGTH) {
            int label = Math.min(DnsNames.MAX_LABEL_LENGTH, length - name.length() - 2);
            name.append(String.valueOf(letter++).repeat(label)).append('.');
        }
        name.append(String.valueOf(letter).repeat(length - name.length()));
        assertThat(name).hasSize(length);
        return name.toString();
    }

    @Test
    void nameOfLengthHelperBuildsValidLabels() {
        for (int length : new int[] {1, 63, 64, 65, 127, 128, 237, 238, 253, 254}) {
            assertThat(nameOfLength(length).split("\\."))
                    .allSatisfy(label -> assertThat(label).hasSizeBetween(1, DnsNames.MAX_LABEL_LENGTH));
        }
    }

    @Nested
    class FullyQualified {
        @ParameterizedTest(name = "\"{0}\" → {1} (custom)")
        @CsvSource({
                "example.com.,              example.com",
                "www.example.com.,          www.example.com",
                "WWW.Example.COM.,          www.example.com",
                "a.b.c.d.example.org.,      a.b.c.d.example.org",
                "xn--mnchen-3ya.de.,        xn--mnchen-3ya.de",
                "raft.host.,                raft.host",
                "xkraft.host.,              xkraft.host",
                "xfra0.kraft.host.,         xfra0.kraft.host",
                "fra1.kraft.host.,          fra1.kraft.host",
                "api.example.com.,          api.example.com",
        })
        void isTakenAsIsStoredWithoutDotAndCustom(String requested, String stored) {
            assertThat(request(requested)).isEqualTo(custom(stored));
        }

        @ParameterizedTest(name = "\"{0}\" → {1} (under the metro domain)")
        @CsvSource({
                "my-project.fra0.kraft.host.,       my-project.fra0.kraft.host",
                "My-Project.FRA0.Kraft.Host.,       my-project.fra0.kraft.host",
                "a.b.fra0.kraft.host.,              a.b.fra0.kraft.host",
                "www.b.fra0.kraft.host.,            www.b.fra0.kraft.host",
                "fra0.kraft.host.fra0.kraft.host.,  fra0.kraft.host.fra0.kraft.host",
        })
        void underTheMetroDomainIsNotCustom(String requested, String stored) {
            assertThat(request(requested)).isEqualTo(metro(stored));
        }

        @ParameterizedTest(name = "\"{0}\" is a single label")
        @ValueSource(strings = {"localhost.", "LOCALHOST.", "com.", "www."})
        void aSingleLabelIsInvalid(String requested) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> request(requested),
                    FIELD + ": \"" + requested + "\"", "at least two labels");
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\" is the metro domain or a parent")
        @ValueSource(strings = {"fra0.kraft.host.", "FRA0.Kraft.HOST.", "kraft.host.", "host."})
        void theMetroDomainOrAParentIsNotAllowed(String requested) {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> request(requested),
                    FIELD + ": \"" + requested + "\"", "metro domain or one of its parents");
        }
    }

    @Nested
    class Relative {
        @ParameterizedTest(name = "\"{0}\" → {1}")
        @CsvSource({
                "my-project,         my-project.fra0.kraft.host",
                "My-Project,         my-project.fra0.kraft.host",
                "MY-PROJECT,         my-project.fra0.kraft.host",
                "a,                  a.fra0.kraft.host",
                "0,                  0.fra0.kraft.host",
                "9lives,             9lives.fra0.kraft.host",
                "a--b,               a--b.fra0.kraft.host",
                "shop.my-project,    shop.my-project.fra0.kraft.host",
                "a.b.c.d,            a.b.c.d.fra0.kraft.host",
                "www.myproject,      www.myproject.fra0.kraft.host",
                "api.v2.myproject,   api.v2.myproject.fra0.kraft.host",
                "wwww,               wwww.fra0.kraft.host",
                "www1,               www1.fra0.kraft.host",
                "my-www,             my-www.fra0.kraft.host",
                "xn--mnchen-3ya,     xn--mnchen-3ya.fra0.kraft.host",
                "kraft.host,         kraft.host.fra0.kraft.host",
        })
        void getsTheMetroDomainAppended(String requested, String stored) {
            assertThat(request(requested)).isEqualTo(metro(stored));
        }
    }

    @Nested
    class Reserved {
        @ParameterizedTest(name = "\"{0}\" is reserved")
        @FieldSource("io.servicegroups.core.DnsNamesTest#RESERVED_SPELLINGS")
        void directlyUnderTheMetroDomainIsNotAllowed(String requested) {
            String label = requested.toLowerCase(java.util.Locale.ROOT);
            RuleViolation violation = assertViolation(ErrorCode.NOT_ALLOWED, () -> request(requested),
                    FIELD + ": \"" + requested + "\"", "reserved name \"" + label + "\"", "directly under " + METRO);
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}.fra0.kraft.host.\" is reserved")
        @FieldSource("io.servicegroups.core.DnsNamesTest#RESERVED")
        void alsoWhenWrittenFullyQualified(String label) {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> request(label + SUFFIX + "."), "reserved name \"" + label + "\"");
        }

        @ParameterizedTest(name = "\"foo.{0}\": {0} is directly under the metro domain")
        @FieldSource("io.servicegroups.core.DnsNamesTest#RESERVED")
        void theLabelDirectlyUnderTheMetroDomainCounts(String label) {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> request("foo." + label), "reserved name \"" + label + "\"");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> request("foo." + label + SUFFIX + "."),
                    "reserved name \"" + label + "\"");
        }

        @ParameterizedTest(name = "\"{0}.myproject\" is allowed deeper down")
        @FieldSource("io.servicegroups.core.DnsNamesTest#RESERVED")
        void deeperDownIsAllowed(String label) {
            assertThat(request(label + ".myproject")).isEqualTo(metro(label + ".myproject" + SUFFIX));
        }

        @ParameterizedTest(name = "\"{0}.example.com.\" is allowed outside the metro domain")
        @FieldSource("io.servicegroups.core.DnsNamesTest#RESERVED")
        void outsideTheMetroDomainIsAllowed(String label) {
            assertThat(request(label + ".example.com.")).isEqualTo(custom(label + ".example.com"));
        }

        @Test
        void theDefaultListHasAtLeastTheLabelsOfTheSpec() {
            assertThat(dns.reservedLabels()).containsAll(RESERVED);
        }
    }

    static final List<String> RESERVED = List.of("www", "api", "admin", "mail", "status");

    static final List<String> RESERVED_SPELLINGS = Stream.concat(RESERVED.stream(),
            Stream.of("WWW", "Www", "API", "Admin", "MAIL", "StAtUs")).toList();

    @Nested
    class Labels {
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"a..b", ".a", "..", ".", "", "a.b..", "a..b.", ".example.com.", "a.b..c"})
        void emptyLabelsAreInvalid(String requested) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> request(requested), FIELD + ": ");
            assertThat(violation.getMessage()).containsAnyOf("has an empty label", "must not be empty");
        }

        @ParameterizedTest(name = "\"{0}\" (label \"{1}\")")
        @CsvSource({
                "-a,                  -a",
                "a-,                  a-",
                "-,                   -",
                "a.-b,                -b",
                "a-.b,                a-",
                "shop.my-project-,    my-project-",
                "-a.example.com.,     -a",
                "a.example-.com.,     example-",
                "-x.fra0.kraft.host., -x",
        })
        void leadingOrTrailingHyphenIsInvalid(String requested, String label) {
            assertViolation(ErrorCode.INVALID, () -> request(requested),
                    FIELD + ": label \"" + label + "\" must not start or end with '-'");
        }

        @ParameterizedTest(name = "\"{0}\" contains {1}")
        @CsvSource(delimiter = '|', textBlock = """
                my_project          | _
                _dmarc.example.com. | _
                *.example.com.      | *
                a/b                 | /
                a:b                 | :
                a@b                 | @
                my project          | U+0020
                ' my-project'       | U+0020
                'my-project '       | U+0020
                'my-project. '      | U+0020
                my\\tproject        | U+0009
                """)
        void otherAsciiCharactersAreInvalid(String requested, String shown) {
            String value = requested.replace("\\t", "\t");
            String described = shown.startsWith("U+") ? shown : "'" + shown + "'";
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> request(value),
                    FIELD + ": \"", "contains " + described);
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\" contains {1}")
        @CsvSource(delimiter = '|', textBlock = """
                ü                 | U+00FC
                münchen           | U+00FC
                MÜNCHEN           | U+00DC
                münchen.de.       | U+00FC
                \u212Aube         | U+212A
                \u212A.example.com.| U+212A
                straße            | U+00DF
                ǅ                 | U+01C5
                a\u00A0b          | U+00A0
                a\u2024b          | U+2024
                """)
        void nonAsciiIsInvalidEvenWhenItLowercasesToAscii(String requested, String shown) {
            assertViolation(ErrorCode.INVALID, () -> request(requested),
                    FIELD + ": \"" + requested + "\" contains " + shown, "punycode");
        }

        @Test
        void theKelvinSignIsNotTakenForK() {
            assertThat("\u212Aube".toLowerCase(java.util.Locale.ROOT)).isEqualTo("kube");
            assertThatThrownBy(() -> request("\u212Aube")).isInstanceOf(RuleViolation.class);
            assertThatThrownBy(() -> request("\u212Aube.example.com.")).isInstanceOf(RuleViolation.class);
        }

        @Test
        void aLabelOf63CharactersIsAccepted() {
            String label = "a".repeat(63);

            assertThat(request(label)).isEqualTo(metro(label + SUFFIX));
            assertThat(request("x." + label)).isEqualTo(metro("x." + label + SUFFIX));
            assertThat(request(label + ".example.com.")).isEqualTo(custom(label + ".example.com"));
            assertThat(request(label + SUFFIX + ".")).isEqualTo(metro(label + SUFFIX));
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"%s", "x.%s", "%s.x", "%s.example.com.", "x.%s.com.", "%s.fra0.kraft.host."})
        void aLabelOf64CharactersIsTooLong(String pattern) {
            String label = "b".repeat(64);
            RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> request(pattern.formatted(label)),
                    FIELD + ": label \"" + label + "\" is 64 characters long", "at most 63");
            assertReadable(violation);
        }

        @Test
        void aHugeLabelIsAbbreviatedInTheMessage() {
            RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> request("c".repeat(5000)),
                    "is 5000 characters long");
            assertThat(violation.getMessage()).hasSizeLessThan(300);
        }
    }

    @Nested
    class WholeNameLength {
        @Test
        void relative253IsAcceptedAnd254IsTooLong() {
            String fits = nameOfLength(DnsNames.MAX_NAME_LENGTH - SUFFIX.length());
            String tooLong = nameOfLength(DnsNames.MAX_NAME_LENGTH - SUFFIX.length() + 1);

            assertThat(request(fits).fqdn()).hasSize(253).isEqualTo(fits + SUFFIX);
            assertViolation(ErrorCode.TOO_LONG, () -> request(tooLong),
                    FIELD + ": the full DNS name", "is 254 characters long", "at most 253");
        }

        @Test
        void absoluteUnderTheMetroDomain253IsAcceptedAnd254IsTooLong() {
            String fits = nameOfLength(DnsNames.MAX_NAME_LENGTH - SUFFIX.length()) + SUFFIX;
            String tooLong = nameOfLength(DnsNames.MAX_NAME_LENGTH - SUFFIX.length() + 1) + SUFFIX;

            assertThat(request(fits + ".")).isEqualTo(metro(fits));
            assertViolation(ErrorCode.TOO_LONG, () -> request(tooLong + "."), FIELD + ": ", "is 254 characters long");
        }

        @Test
        void customAbsolute253IsAcceptedAnd254IsTooLong() {
            String fits = nameOfLength(253);
            String tooLong = nameOfLength(254);

            assertThat(request(fits + ".")).isEqualTo(custom(fits));
            assertViolation(ErrorCode.TOO_LONG, () -> request(tooLong + "."), FIELD + ": ", "is 254 characters long");
        }

        @Test
        void aRelativePartLongerThan253IsTooLong() {
            assertViolation(ErrorCode.TOO_LONG, () -> request(nameOfLength(300)), FIELD + ": ", "at most 253");
        }

        @Test
        void theTrailingDotDoesNotCount() {
            assertThat(request(nameOfLength(253) + ".").fqdn()).hasSize(253);
        }
    }

    @Nested
    class Resolve {
        @Test
        void dnsNameWinsOverName() {
            assertThat(dns.resolve(new DnsNames.Requested("dns_name", "shop"), "my-project", "my-project", CountingRandom.unused()))
                    .isEqualTo(metro("shop" + SUFFIX));
            assertThat(dns.resolve(new DnsNames.Requested("dns_name", "shop.example.com."), "my-project", "my-project", CountingRandom.unused()))
                    .isEqualTo(custom("shop.example.com"));
        }

        @Test
        void aRequestedDnsNameIsValidated() {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> dns.resolve(new DnsNames.Requested("dns_name", "www"), null, "young-monkey-abcdefgh",
                    CountingRandom.unused()), "dns_name: \"www\"");
        }

        @Test
        void aGivenNameGetsARandomSuffix() {
            CountingRandom random = new CountingRandom();

            DnsName name = dns.resolve(null, "my-project", "my-project", random);

            assertThat(name).isEqualTo(metro("my-project-abcdefgh" + SUFFIX));
            assertThat(random.calls()).isEqualTo(DnsNames.RANDOM_SUFFIX_LENGTH);
        }

        @Test
        void theSuffixIsEightCharactersOfAToZAndDigits() {
            RandomSource secure = RandomSource.secure();
            for (int i = 0; i < 200; i++) {
                assertThat(dns.resolve(null, "my-project", "my-project", secure).fqdn())
                        .matches("my-project-[a-z0-9]{8}\\.fra0\\.kraft\\.host");
            }
        }

        @Test
        void aGeneratedNameIsUsedAsIs() {
            assertThat(dns.resolve(null, null, "young-monkey-uq6dxq0u", CountingRandom.unused()))
                    .isEqualTo(metro("young-monkey-uq6dxq0u" + SUFFIX));
        }

        @ParameterizedTest(name = "a name of {0} characters")
        @CsvSource({"1, 1", "53, 53", "54, 54", "55, 54", "62, 54", "63, 54"})
        void aLongNameIsCutSoThatTheLabelStaysWithin63(int nameLength, int kept) {
            String name = "n".repeat(nameLength);

            String label = labelOf(dns.resolve(null, name, name, new CountingRandom()));

            assertThat(label).isEqualTo("n".repeat(kept) + "-abcdefgh").hasSizeLessThanOrEqualTo(63);
        }

        @Test
        void aName63CharactersLongGivesALabelOfExactly63() {
            String name = "p".repeat(63);

            assertThat(labelOf(dns.resolve(null, name, name, new CountingRandom()))).hasSize(63);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                // the cut falls right after one or more '-': they are dropped, never "--<random>"
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-bbbbbbbbb, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-abcdefgh",
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa----bbbbbbbbb, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-abcdefgh",
        })
        void aCutEndingWithHyphensDropsThem(String name, String label) {
            assertThat(labelOf(dns.resolve(null, name, name, new CountingRandom()))).isEqualTo(label);
        }

        /** Whatever the name, the derived DNS name is one a client could have requested itself. */
        @ParameterizedTest(name = "a name of {0} characters")
        @MethodSource("io.servicegroups.core.DnsNamesTest#nameLengths")
        void theDerivedNameIsAlwaysValid(int length) {
            String name = hyphenated(length);
            Names.check("name", name);

            DnsName derived = dns.resolve(null, name, name, RandomSource.secure());

            assertThat(derived.custom()).isFalse();
            assertThat(labelOf(derived)).hasSizeLessThanOrEqualTo(63).startsWith(name.substring(0, 1))
                    .matches(".*[a-z0-9]-[a-z0-9]{8}");
            assertThat(dns.fromRequest(FIELD, derived.fqdn() + ".")).isEqualTo(derived);
        }

        @Test
        void aReservedNameIsFineBecauseOfTheSuffix() {
            assertThat(dns.resolve(null, "www", "www", new CountingRandom())).isEqualTo(metro("www-abcdefgh" + SUFFIX));
        }

        @Test
        void aDerivedNameNeverExceeds253Characters() {
            String longMetro = nameOfLength(230);
            String name = "q".repeat(63);
            DnsName derived;
            try {
                derived = new DnsNames(longMetro, List.of()).resolve(null, name, name, new CountingRandom());
            } catch (RuleViolation violation) {
                assertThat(violation.code()).isEqualTo(ErrorCode.TOO_LONG);
                return;
            }
            assertThat(derived.fqdn()).hasSizeLessThanOrEqualTo(DnsNames.MAX_NAME_LENGTH);
        }

        private static String labelOf(DnsName name) {
            assertThat(name.fqdn()).endsWith(SUFFIX);
            return name.fqdn().substring(0, name.fqdn().length() - SUFFIX.length());
        }
    }

    static IntStream nameLengths() {
        return IntStream.rangeClosed(1, Names.MAX_LENGTH);
    }

    /** "a-b-c-..." of {@code length} characters, never ending with '-'. */
    static String hyphenated(int length) {
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < length; i++) {
            name.append(i % 2 == 1 ? '-' : (char) ('a' + (i / 2) % 26));
        }
        if (name.charAt(name.length() - 1) == '-') {
            name.setCharAt(name.length() - 1, 'z');
        }
        return name.toString();
    }

    @Nested
    class Normalize {
        @ParameterizedTest(name = "\"{0}\" → \"{1}\"")
        @CsvSource(delimiter = '|', textBlock = """
                Foo.Example.COM.        | foo.example.com
                foo.example.com         | foo.example.com
                MY-PROJECT.FRA0.KRAFT.HOST | my-project.fra0.kraft.host
                '  foo.example.com.  '  | foo.example.com
                '\\tfoo.example.com\\n' | foo.example.com
                ''                      | ''
                .                       | ''
                """)
        void lowercasesTrimsAndDropsTheTrailingDot(String fqdn, String expected) {
            String input = fqdn.replace("\\t", "\t").replace("\\n", "\n");

            assertThat(DnsNames.normalize(input)).isEqualTo(expected);
        }

        @Test
        void isIdempotent() {
            for (String value : List.of("Foo.Example.COM.", " a.b ", "x")) {
                String once = DnsNames.normalize(value);
                assertThat(DnsNames.normalize(once)).isEqualTo(once);
            }
        }

        @Test
        void matchesTheStoredFormOfAResolvedName() {
            DnsName stored = dns.fromRequest(FIELD, "Shop.Example.COM.");

            assertThat(DnsNames.normalize("SHOP.example.com.")).isEqualTo(stored.fqdn());
            assertThat(DnsNames.normalize("shop.example.com")).isEqualTo(stored.fqdn());
        }
    }

    @Nested
    class Construction {
        @ParameterizedTest(name = "\"{0}\" → {1}")
        @CsvSource({
                "fra0.kraft.host,   fra0.kraft.host",
                "FRA0.Kraft.Host.,  fra0.kraft.host",
                "localhost,         localhost",
                "example.org.,      example.org",
        })
        void theMetroDomainIsStoredLowercaseWithoutDot(String given, String stored) {
            DnsNames names = new DnsNames(given, DnsNames.DEFAULT_RESERVED_LABELS);

            assertThat(names.metroDomain()).isEqualTo(stored);
            assertThat(names.fromRequest(FIELD, "shop")).isEqualTo(metro("shop." + stored));
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", ".", "..", "-bad.host", "bad-.host", "bad..host", "bad_host.com", "bad host.com",
                ".bad.host"})
        void anInvalidMetroDomainIsRefused(String metroDomain) {
            assertViolation(ErrorCode.INVALID, () -> new DnsNames(metroDomain, DnsNames.DEFAULT_RESERVED_LABELS),
                    "metro domain: ");
        }

        @Test
        void aMetroDomainWithALongLabelIsRefused() {
            assertViolation(ErrorCode.TOO_LONG, () -> new DnsNames("a".repeat(64) + ".com", List.of()),
                    "metro domain: ");
            assertViolation(ErrorCode.TOO_LONG, () -> new DnsNames(nameOfLength(254), List.of()), "metro domain: ");
        }

        @Test
        void aNonAsciiMetroDomainIsRefused() {
            assertViolation(ErrorCode.INVALID, () -> new DnsNames("fra0.\u212Araft.host", List.of()), "metro domain");
        }

        @Test
        void theDefaultReservedLabelsAreThoseOfTheSpec() {
            assertThat(DnsNames.DEFAULT_RESERVED_LABELS).containsExactlyInAnyOrderElementsOf(RESERVED);
            assertThat(dns.reservedLabels()).containsExactlyInAnyOrderElementsOf(RESERVED);
        }

        @Test
        void customReservedLabelsAreTrimmedLowercasedAndBlanksDropped() {
            DnsNames names = new DnsNames(METRO, List.of(" Shop ", "WWW", "", "   ", "shop"));

            assertThat(names.reservedLabels()).containsExactlyInAnyOrder("shop", "www");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "SHOP"), "reserved name \"shop\"");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "www"), "reserved name \"www\"");
            assertThat(names.fromRequest(FIELD, "api")).isEqualTo(metro("api" + SUFFIX));
        }

        @Test
        void theReservedLabelsCanBeEmpty() {
            DnsNames names = new DnsNames(METRO, List.of());

            assertThat(names.reservedLabels()).isEmpty();
            for (String label : RESERVED) {
                assertThat(names.fromRequest(FIELD, label)).isEqualTo(metro(label + SUFFIX));
            }
        }

        @Test
        void theReservedLabelsAreImmutableAndACopy() {
            List<String> given = new ArrayList<>(List.of("shop"));
            DnsNames names = new DnsNames(METRO, given);
            given.add("blog");

            assertThat(names.reservedLabels()).containsExactly("shop");
            assertThatThrownBy(() -> names.reservedLabels().add("x")).isInstanceOf(UnsupportedOperationException.class);
        }

        @Test
        void anotherMetroDomainAppliesItsOwnRules() {
            DnsNames names = new DnsNames("example.org", List.of("shop"));

            assertThat(names.fromRequest(FIELD, "www")).isEqualTo(metro("www.example.org"));
            assertThat(names.fromRequest(FIELD, "a.example.org.")).isEqualTo(metro("a.example.org"));
            assertThat(names.fromRequest(FIELD, "fra0.kraft.host.")).isEqualTo(custom("fra0.kraft.host"));
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "shop"),
                    "directly under example.org");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "shop.example.org."), "reserved");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "example.org."), "metro domain");
            assertViolation(ErrorCode.NOT_ALLOWED, () -> names.fromRequest(FIELD, "org."), "metro domain");
        }

        @Test
        void theFieldGivenNamesTheMessage() {
            assertViolation(ErrorCode.NOT_ALLOWED, () -> dns.fromRequest("domains[0].name", "www"),
                    "domains[0].name: \"www\"");
        }
    }
}
