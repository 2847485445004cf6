package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 4: an instance's address is a host name, an IPv4 or an IPv6 address, validated as text only. */
class AddressesTest {
    private static String check(String value) {
        return Addresses.check("address", value);
    }

    private static RuleViolation invalid(String value, String... fragments) {
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(value), fragments);
        assertThat(violation.getMessage()).startsWith("address: ");
        assertReadable(violation);
        return violation;
    }

    @Nested
    class Ipv4 {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"10.0.0.1", "0.0.0.0", "255.255.255.255", "192.168.100.200", "1.2.3.4",
                "127.0.0.1", "100.64.0.9"})
        void validAddressesAreKeptAsGiven(String address) {
            assertThat(check(address)).isEqualTo(address);
            assertThat(Addresses.isIpv4(address)).isTrue();
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"256.0.0.1", "10.0.0.256", "999.1.1.1", "1000.1.1.1", "300.300.300.300"})
        void partsOver255AreInvalid(String address) {
            invalid(address, "\"" + address + "\"", "not a valid IPv4 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"010.0.0.1", "10.00.0.1", "10.0.0.01", "00.0.0.0", "0001.0.0.1"})
        void leadingZerosAreInvalid(String address) {
            invalid(address, "not a valid IPv4 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "10.0.1", "1.2.3.4.5.6", "1", "123", "2130706433"})
        void threeOrFivePartsAndNumericLookingHostNamesAreInvalid(String address) {
            invalid(address, "\"" + address + "\"", "not a valid IPv4 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1..2.3", ".1.2.3", "1.2.3.", "1.2.3..", "..1.2", "1.2.3.4..", "...."})
        void emptyPartsAreInvalid(String address) {
            invalid(address, "not a valid IPv4 address");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {" \t10.0.0.1\n ", " 10.0.0.1", "10.0.0.1 ", "10.0.0.1\u0000", "\u000010.0.0.1"})
        void surroundingBlanksOrNulAreInvalidNotTrimmed(String address) {
            invalid(address, "address: ", "without blanks or control characters");
        }

        @Test
        void isIpv4DoesNotAcceptSignsOrSpaces() {
            assertThat(Addresses.isIpv4("+1.2.3.4")).isFalse();
            assertThat(Addresses.isIpv4("1.2.3.-4")).isFalse();
            assertThat(Addresses.isIpv4("1.2.3. 4")).isFalse();
            assertThat(Addresses.isIpv4("")).isFalse();
        }
    }

    @Nested
    class Ipv6 {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2001:db8:85a3:0:0:8a2e:370:7334", "2001:0db8:85a3:0000:0000:8a2e:0370:7334",
                "::1", "::", "2001:db8::7", "fe80::1:2", "::ffff:10.0.0.1", "1:2:3:4:5:6:7:8", "1::",
                "1:2:3:4:5:6:7::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4", "::1.2.3.4", "64:ff9b::192.0.2.33",
                "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"})
        void validAddressesAreKept(String address) {
            assertThat(check(address)).isEqualTo(address);
            assertThat(Addresses.isIpv6(address)).isTrue();
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
                "2001:DB8::7, 2001:db8::7",
                "FE80::ABCD:1, fe80::abcd:1",
                "::FFFF:10.0.0.1, ::ffff:10.0.0.1",
                "2001:0DB8:85A3:0000:0000:8A2E:0370:7334, 2001:0db8:85a3:0000:0000:8a2e:0370:7334"})
        void areLowercased(String address, String canonical) {
            assertThat(check(address)).isEqualTo(canonical);
        }

        @Test
        void areNotOtherwiseRewritten() {
            // only the case changes: no compression of zero groups, no removal of leading zeros
            assertThat(check("2001:DB8:0:0:0:0:0:1")).isEqualTo("2001:db8:0:0:0:0:0:1");
            assertThat(check("0::1")).isEqualTo("0::1");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"  ::1\t", "::1 ", "::1\u0000", "2001:db8::\u00001", "::1 ::2", "2001:db8:: 1"})
        void surroundingBlanksOrNulAreInvalidNotTrimmed(String address) {
            invalid(address, "address: ", "without blanks or control characters");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8::", "::1:2:3:4:5:6:7:8",
                "1:2:3:4::5:6:7:8", "1:2:3:4:5:6:7:1.2.3.4", "::1:2:3:4:5:6:1.2.3.4"})
        void tooManyOrTooFewGroupsAreInvalid(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "is not an IPv6 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"1::2::3", "::1::", ":::", "1:::2", "::1::2", "a::b::c"})
        void twoDoubleColonsAreInvalid(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "is not an IPv6 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"12345::1", "2001:db8::10000", "00000:1:2:3:4:5:6:7", "1:2:3:4:5:6:7:abcde"})
        void groupsOverFourHexDigitsAreInvalid(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "is not an IPv6 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:", ":1::2", "1::2:", ":1:2:3:4:5:6:7:8",
                "1:2:3:4:5:6:7:8:", ":", "1:"})
        void aLeadingOrTrailingSingleColonIsInvalid(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "is not an IPv6 address");
        }

        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"2001:db8::g", "fe80::1%eth0", "2001:db8::-1", "[::1]", "::x", "+1::2", "::ffff:010.0.0.1", "::ffff:256.0.0.1", "::ffff:1.2.3",
                "1.2.3.4::", "::1.2.3.4:1", "::ffff:1.2.3.4."})
        void nonHexGroupsAndBadEmbeddedIpv4AreInvalid(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "is not an IPv6 address");
        }

        /** Character.digit(c, 16) accepts Unicode digits and fullwidth letters, not only [0-9a-fA-F]. */
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"::\u0661", "fe80::\uFF11", "2001:db8::\uFF21", "\u0968001:db8::1"})
        void nonAsciiDigitsAreNotHex(String address) {
            assertThat(Addresses.isIpv6(address)).isFalse();
            invalid(address, "address");
        }
    }

    @Nested
    class Ports {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"host:80", "backend.example.com:8080", "10.0.0.1:8080", "[::1]:80",
                "[2001:db8::1]", "localhost:", "http://backend"})
        void anAddressWithAPortIsRefusedWithAMessageAboutThePort(String address) {
            invalid(address, "\"" + address + "\"", "port", "destination_port");
        }
    }

    @Nested
    class HostNames {
        @ParameterizedTest(name = "{0}")
        @ValueSource(strings = {"backend", "localhost", "backend.example.com", "a", "a-b.c-d", "1backend",
                "x1.y2.z3", "xn--bcher-kva.example", "b.internal", "1.2.3.com", "1.2.3.4a", "a--b"})
        void validHostNamesAreKept(String host) {
            assertThat(check(host)).isEqualTo(host);
        }

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource(delimiter = '|', value = {
                "backend.example.com.|backend.example.com",
                "backend.|backend",
                "Backend.Example.COM|backend.example.com",
                "BACKEND|backend",
                "10.0.0.1.|10.0.0.1"})
        void areCanonicalisedLowercaseAndWithoutTrailingDot(String host, String canonical) {
            assertThat(check(host)).isEqualTo(canonical);
        }

        @Test
        void aLabelOf63CharactersIsAccepted() {
            String host = "a".repeat(63) + ".example.com";

            assertThat(check(host)).isEqualTo(host);
        }

        @Test
        void aLabelOf64CharactersIsTooLong() {
            String label = "a".repeat(64);

            RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> check(label + ".example.com"),
                    "address: ", "64 characters", "63");
            assertReadable(violation);
            assertThat(violation.code().code()).isEqualTo(22);
        }

        @Test
        void aSingleLabelOf64CharactersIsTooLong() {
            assertViolation(ErrorCode.TOO_LONG, () -> check("b".repeat(64)), "address: ", "64 characters");
        }

        /** Four labels of 63 characters minus two: 63*4 + 3 dots = 255, so cut to exactly 253 and 254. */
        private static String nameOfLength(int length) {
            StringBuilder out = new StringBuilder();
            while (out.length() < length) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append("a".repeat(Math.min(63, length - out.length())));
            }
            String name = out.toString();
            assertThat(name).hasSize(length).doesNotEndWith(".").doesNotContain("..");
            return name;
        }

        @Test
        void aNameOf253CharactersIsAccepted() {
            String host = nameOfLength(253);

            assertThat(check(host)).isEqualTo(host);
        }

        @Test
        void aNameOf253CharactersWithATrailingDotIsAccepted() {
            String host = nameOfLength(253);

            assertThat(check(host + ".")).isEqualTo(host);
        }

        @Test
        void aNameOf254CharactersIsTooLong() {
            String host = nameOfLength(254);

            RuleViolation violation = assertViolation(ErrorCode.TOO_LONG, () -> check(host), "address: ",
                    "254 characters", "253");
            assertReadable(violation);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"my_backend", "my_backend.example.com", "my backend", "back end.example",
                "backend!", "host/path", "user@backend", "back\tend", "a,b", "*.example.com"})
        void otherCharactersAreInvalid(String host) {
            invalid(host, "address: ", "contains");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"-backend", "backend-", "a.-b.c", "a.b-.c", "-", "example.com-"})
        void labelsMustNotStartOrEndWithDash(String host) {
            invalid(host, "address: ", "'-'");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"a..b", ".backend", "backend..", "a.b..c.", ".a"})
        void emptyLabelsAreInvalid(String host) {
            invalid(host, "empty label");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"bücher.example", "backend.例え", "\u212Aelvin.example", "b\u00A0ackend",
                "caf\u00E9"})
        void nonAsciiIsInvalid(String host) {
            RuleViolation violation = invalid(host, "address: ", "ASCII");
            assertThat(violation.getMessage()).containsPattern("U\\+[0-9A-F]{4}");
        }

        @Test
        void theKelvinSignIsNotFoldedToK() {
            invalid("\u212A.example", "U+212A");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"", " ", "   ", "\t\n"})
        void emptyOrBlankIsInvalid(String host) {
            invalid(host, "address: must not be empty");
        }

        @Test
        void aHugeValueIsAbbreviatedInTheMessage() {
            RuleViolation violation = invalid("a_b.".repeat(2000) + "com", "address: ", "...");
            assertThat(violation.getMessage()).hasSizeLessThan(300);
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"backend.internal\u0000", "back\u0000end", " backend", "backend ", "back end",
                "  backend.internal  ", "\tHost.Example.\n"})
        void blanksAndNulInHostNamesAreInvalid(String host) {
            invalid(host, "address: ", "without blanks or control characters");
        }

        @Test
        void theFieldNameIsTheOneGiven() {
            assertViolation(ErrorCode.INVALID, () -> Addresses.check("instances[2].address", "my_host"),
                    "instances[2].address: ");
        }

        /**
         * "." is a trailing dot on an empty name: it is blank, not an IPv4 attempt. The message today says
         * "\".\" is not a valid IPv4 address".
         */
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {".", ".."})
        void aLoneDotIsReportedAsEmpty(String host) {
            invalid(host, "empty");
        }

        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {".", "..", "..."})
        void dotsAloneAreInvalid(String host) {
            invalid(host, "address: ");
        }

        /**
         * A host name whose last label is all digits (e.g. "0x7f.0.0.1", "com.1") is not a valid host name
         * (RFC 1123 2.1 / RFC 3696 2), and inet_aton-style resolvers read "0x7f.0.0.1" as 127.0.0.1.
         */
        @ParameterizedTest(name = "\"{0}\"")
        @ValueSource(strings = {"0x7f.0.0.1", "0x0a.1", "com.1", "backend.123"})
        void anAllDigitTopLabelIsNotAHostName(String host) {
            invalid(host, "address: ");
        }
    }
}
