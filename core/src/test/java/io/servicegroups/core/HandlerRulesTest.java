package io.servicegroups.core;

import static io.servicegroups.core.RuleAssertions.assertReadable;
import static io.servicegroups.core.RuleAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** SPEC 3.2 (ports) and 3.3 (handlers). */
class HandlerRulesTest {
    private static final String FIELD = "services[0]";

    private static ServiceSpec spec(Long port, Long destination, String... handlers) {
        return new ServiceSpec(port, destination, Arrays.asList(handlers));
    }

    private static ServiceSpec spec(long port, String... handlers) {
        return spec(port, null, handlers);
    }

    private static PublishedService check(ServiceSpec spec) {
        return HandlerRules.check(FIELD, spec);
    }

    /** "tls http" → [tls, http]; "" → []. */
    private static String[] handlers(String spaceSeparated) {
        return spaceSeparated.isBlank() ? new String[0] : spaceSeparated.trim().split(" +");
    }

    /** The rule a combination breaks, as the message must name it. */
    enum Outcome {
        OK(null),
        REDIRECT("\"redirect\" is only allowed on port 80 with destination_port 443"),
        PORT_80("port 80 requires \"http\" and must not have \"tls\""),
        PORT_443("port 443 requires both \"tls\" and \"http\""),
        OTHER_PORT("requires \"tls\" and must not have \"http\"");

        final String rule;

        Outcome(String rule) {
            this.rule = rule;
        }
    }

    /**
     * Every subset of {tls, http, redirect} on port 80 (destination defaulting to 80 and explicitly 443), 443 and
     * two other ports. Handlers are listed in the order the message lists them (tls, http, redirect).
     */
    @ParameterizedTest(name = "port {0} -> {1}, handlers [{2}]: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            80    | -    | ''                 | PORT_80
            80    | -    | tls                | PORT_80
            80    | -    | http               | OK
            80    | -    | redirect           | REDIRECT
            80    | -    | tls http           | PORT_80
            80    | -    | tls redirect       | REDIRECT
            80    | -    | http redirect      | REDIRECT
            80    | -    | tls http redirect  | REDIRECT
            80    | 443  | ''                 | PORT_80
            80    | 443  | tls                | PORT_80
            80    | 443  | http               | OK
            80    | 443  | redirect           | PORT_80
            80    | 443  | tls http           | PORT_80
            80    | 443  | tls redirect       | PORT_80
            80    | 443  | http redirect      | OK
            80    | 443  | tls http redirect  | PORT_80
            443   | -    | ''                 | PORT_443
            443   | -    | tls                | PORT_443
            443   | -    | http               | PORT_443
            443   | -    | redirect           | REDIRECT
            443   | -    | tls http           | OK
            443   | -    | tls redirect       | REDIRECT
            443   | -    | http redirect      | REDIRECT
            443   | -    | tls http redirect  | REDIRECT
            8080  | -    | ''                 | OTHER_PORT
            8080  | -    | tls                | OK
            8080  | -    | http               | OTHER_PORT
            8080  | -    | redirect           | REDIRECT
            8080  | -    | tls http           | OTHER_PORT
            8080  | -    | tls redirect       | REDIRECT
            8080  | -    | http redirect      | REDIRECT
            8080  | -    | tls http redirect  | REDIRECT
            22    | -    | ''                 | OTHER_PORT
            22    | -    | tls                | OK
            22    | -    | http               | OTHER_PORT
            22    | -    | redirect           | REDIRECT
            22    | -    | tls http           | OTHER_PORT
            22    | -    | tls redirect       | REDIRECT
            22    | -    | http redirect      | REDIRECT
            22    | -    | tls http redirect  | REDIRECT
            """)
    void everyHandlerCombination(long port, Long destination, String handlerList, Outcome outcome) {
        String[] handlers = handlers(handlerList);
        ServiceSpec spec = spec(port, destination, handlers);
        long effectiveDestination = destination == null ? port : destination;

        if (outcome == Outcome.OK) {
            PublishedService service = check(spec);
            assertThat(service.port()).isEqualTo(port);
            assertThat(service.destinationPort()).isEqualTo(effectiveDestination);
            assertThat(service.handlers()).extracting(Handler::wireName).containsExactly(handlers);
            return;
        }
        RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(spec),
                FIELD + ".handlers: ", outcome.rule);
        assertReadable(violation);
        if (outcome == Outcome.REDIRECT) {
            assertThat(violation.getMessage())
                    .contains("got port " + port + ", destination_port " + effectiveDestination);
        } else {
            assertThat(violation.getMessage()).contains("port " + port + " requires")
                    .contains(handlers.length == 0 ? "(no handlers given)"
                            : "(given: " + String.join(", ", handlers) + ")");
        }
    }

    @ParameterizedTest(name = "[{0}] in any order on port 443")
    @ValueSource(strings = {"tls http", "http tls"})
    void handlerOrderDoesNotMatterAndIsKept(String handlerList) {
        PublishedService service = check(spec(443L, 8080L, handlers(handlerList)));

        assertThat(service.handlers()).extracting(Handler::wireName).containsExactly(handlers(handlerList));
        assertThat(service.has(Handler.TLS)).isTrue();
        assertThat(service.has(Handler.HTTP)).isTrue();
        assertThat(service.has(Handler.REDIRECT)).isFalse();
    }

    @Test
    void returnedHandlersAreImmutable() {
        PublishedService service = check(spec(8080, "tls"));

        assertThatThrownBy(() -> service.handlers().add(Handler.HTTP)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Nested
    class Redirect {
        @Test
        void from80To443WithHttpIsAccepted() {
            PublishedService service = check(spec(80L, 443L, "http", "redirect"));

            assertThat(service).isEqualTo(new PublishedService(80, 443, List.of(Handler.HTTP, Handler.REDIRECT)));
        }

        @Test
        void from80To8080IsRefused() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(80L, 8080L, "http", "redirect")),
                    "services[0].handlers", "\"redirect\" is only allowed on port 80 with destination_port 443",
                    "got port 80, destination_port 8080");
        }

        @Test
        void from80WithoutDestinationIsRefusedBecauseTheDestinationDefaultsTo80() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(80, "http", "redirect")),
                    "services[0].handlers", "got port 80, destination_port 80");
        }

        @Test
        void on443IsRefused() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(443L, 443L, "tls", "http", "redirect")),
                    "services[0].handlers", "only allowed on port 80", "got port 443, destination_port 443");
        }

        @Test
        void fromAnotherPortTo443IsRefused() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(8080L, 443L, "tls", "redirect")),
                    "services[0].handlers", "only allowed on port 80", "got port 8080, destination_port 443");
        }

        @Test
        void aloneOn80To443IsRefusedBecausePort80NeedsHttp() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(80L, 443L, "redirect")),
                    "services[0].handlers", "port 80 requires \"http\"", "(given: redirect)");
        }
    }

    @Nested
    class MissingOrEmptyHandlers {
        @ParameterizedTest(name = "handlers {0} on port 80")
        @NullAndEmptySource
        void port80(List<String> handlers) {
            assertViolation(ErrorCode.INVALID, () -> check(new ServiceSpec(80L, null, handlers)),
                    "services[0].handlers", "port 80 requires \"http\"", "(no handlers given)");
        }

        @ParameterizedTest(name = "handlers {0} on port 443")
        @NullAndEmptySource
        void port443(List<String> handlers) {
            assertViolation(ErrorCode.INVALID, () -> check(new ServiceSpec(443L, null, handlers)),
                    "services[0].handlers", "port 443 requires both \"tls\" and \"http\"", "(no handlers given)");
        }

        @ParameterizedTest(name = "handlers {0} on port 8080")
        @NullAndEmptySource
        void otherPort(List<String> handlers) {
            assertViolation(ErrorCode.INVALID, () -> check(new ServiceSpec(8080L, null, handlers)),
                    "services[0].handlers", "port 8080 requires \"tls\"", "(no handlers given)");
        }
    }

    @Nested
    class HandlerNames {
        @ParameterizedTest(name = "\"{0}\" is unknown")
        @ValueSource(strings = {"TLS", "Http", "HTTP", "Redirect", "https", "proxy", "", " tls", "tls ", "tls,http"})
        void unknownNamesAreInvalidAndCaseSensitive(String name) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(spec(8080, "tls", name)),
                    "services[0].handlers", "unknown handler \"" + name + "\"", "known are tls, http and redirect");
            assertReadable(violation);
        }

        @Test
        void aVeryLongUnknownNameIsAbbreviated() {
            String name = "x".repeat(500);

            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(spec(8080, name)),
                    "services[0].handlers", "unknown handler \"" + "x".repeat(80) + "...\"");
            assertThat(violation.getMessage()).hasSizeLessThan(250);
        }

        @ParameterizedTest(name = "{0} on port {1}")
        @CsvSource(delimiter = '|', textBlock = """
                tls tls             | 8080 | tls
                http tls http       | 443  | http
                http http           | 80   | http
                http redirect redirect | 80 | redirect
                """)
        void duplicatesAreInvalid(String handlerList, long port, String duplicate) {
            assertViolation(ErrorCode.INVALID, () -> check(spec((Long) port, 443L, handlers(handlerList))),
                    "services[0].handlers", "handler \"" + duplicate + "\" is given twice");
        }

        @Test
        void aNullHandlerNameIsInvalid() {
            List<String> handlers = new ArrayList<>();
            handlers.add("tls");
            handlers.add(null);

            assertViolation(ErrorCode.INVALID, () -> check(new ServiceSpec(8080L, null, handlers)),
                    "services[0].handlers");
        }
    }

    @Nested
    class Ports {
        @ParameterizedTest(name = "port {0} is accepted")
        @ValueSource(longs = {1, 2, 22, 8080, 65534, 65535})
        void inRange(long port) {
            assertThat(check(spec(port, "tls")).port()).isEqualTo(port);
        }

        @ParameterizedTest(name = "port {0} is out of range")
        @ValueSource(longs = {0, -1, -80, 65536, 65537, 100_000, Integer.MAX_VALUE + 1L, Long.MAX_VALUE,
                Long.MIN_VALUE})
        void outOfRange(long port) {
            RuleViolation violation = assertViolation(ErrorCode.INVALID, () -> check(spec(port, "tls")),
                    "services[0].port: " + port + " is out of range", "1-65535");
            assertReadable(violation);
        }

        @Test
        void aLongPortIsNotTruncatedInto80() {
            long wrapsTo80 = (1L << 32) + 80;

            assertViolation(ErrorCode.INVALID, () -> check(spec(wrapsTo80, "http")),
                    "services[0].port: " + wrapsTo80);
        }

        @Test
        void missingPortIsInvalid() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(null, 8080L, "tls")),
                    "services[0].port: is required");
        }

        @Test
        void portIsCheckedBeforeHandlers() {
            assertViolation(ErrorCode.INVALID, () -> check(spec(0L, (Long) null, "bogus")), "services[0].port");
        }

        @Test
        void theFieldPrefixIsTheOneGiven() {
            assertViolation(ErrorCode.INVALID, () -> HandlerRules.check("services[7]", spec(0, "tls")),
                    "services[7].port");
            assertViolation(ErrorCode.INVALID, () -> HandlerRules.check("services[7]", spec(8080)),
                    "services[7].handlers");
        }
    }

    @Nested
    class DestinationPort {
        @ParameterizedTest(name = "port {0} without destination_port → {0}")
        @ValueSource(longs = {1, 22, 80, 443, 8080, 65535})
        void defaultsToPort(long port) {
            String[] handlers = port == 80 ? new String[] {"http"}
                    : port == 443 ? new String[] {"tls", "http"} : new String[] {"tls"};

            assertThat(check(spec(port, handlers)).destinationPort()).isEqualTo(port);
        }

        @ParameterizedTest(name = "destination_port {0} is accepted")
        @ValueSource(longs = {1, 80, 443, 8080, 65535})
        void inRange(long destination) {
            PublishedService service = check(spec(443L, destination, "tls", "http"));

            assertThat(service.port()).isEqualTo(443);
            assertThat(service.destinationPort()).isEqualTo(destination);
        }

        @ParameterizedTest(name = "destination_port {0} is out of range")
        @ValueSource(longs = {0, -1, 65536, Long.MAX_VALUE, Long.MIN_VALUE})
        void outOfRange(long destination) {
            assertViolation(ErrorCode.INVALID, () -> check(spec(443L, destination, "tls", "http")),
                    "services[0].destination_port: " + destination + " is out of range", "1-65535");
        }
    }
}
