package io.servicegroups.api.groups;

import static io.servicegroups.api.support.Api.METRO_DOMAIN;
import static io.servicegroups.api.support.Api.UUID_PATTERN;
import static io.servicegroups.api.support.Api.as;
import static io.servicegroups.api.support.Api.create;
import static io.servicegroups.api.support.Api.createGroup;
import static io.servicegroups.api.support.Api.group;
import static io.servicegroups.api.support.Api.https;
import static io.servicegroups.api.support.Api.json;
import static io.servicegroups.api.support.Api.service;
import static io.servicegroups.api.support.Api.unique;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** POST /v1/services through real HTTP against PostgreSQL: SPEC 3.2-3.4. */
@QuarkusTest
class ServiceGroupCreateTest {
    private static final String USER = "alice";

    @Test
    void seedExampleCreatesGroupWithGeneratedNameAndDnsName() {
        String body = """
                {"services": [{"port": 443, "destination_port": 8080, "handlers": ["tls", "http"]}]}""";
        ValidatableResponse created = create(USER, body)
                .body("status", is("success"))
                .body("op_time_us", greaterThanOrEqualTo(0))
                .body("data.service_groups", hasSize(1))
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].uuid", matchesPattern(UUID_PATTERN))
                .body("data.service_groups[0].name", matchesPattern("[a-z]+-[a-z]+-[a-z0-9]{8}"));
        String uuid = created.extract().path("data.service_groups[0].uuid");
        String name = created.extract().path("data.service_groups[0].name");
        created.body("data.service_groups[0].fqdn", is(name + "." + METRO_DOMAIN));

        as(USER).get("/v1/services/" + uuid).then().statusCode(200)
                .body("status", is("success"))
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].uuid", is(uuid))
                .body("data.service_groups[0].name", is(name))
                .body("data.service_groups[0].created_at", matchesPattern("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"))
                .body("data.service_groups[0].fqdn", is(name + "." + METRO_DOMAIN))
                .body("data.service_groups[0].domains[0].fqdn", is(name + "." + METRO_DOMAIN))
                .body("data.service_groups[0].instances", empty())
                .body("data.service_groups[0].services", hasSize(1))
                .body("data.service_groups[0].services[0].port", is(443))
                .body("data.service_groups[0].services[0].destination_port", is(8080))
                .body("data.service_groups[0].services[0].handlers", contains("tls", "http"))
                .body("data.service_groups[0].persistent", is(true))
                .body("data.service_groups[0].autoscale", is(false))
                .body("data.service_groups[0].soft_limit", is(1))
                .body("data.service_groups[0].hard_limit", is(65535));
    }

    @Test
    void nameWithoutDnsNameGetsRandomSuffixUnderMetroDomain() {
        String name = unique("shop");
        create(USER, group(name, List.of()))
                .body("data.service_groups[0].name", is(name))
                .body("data.service_groups[0].fqdn", matchesPattern(name + "-[a-z0-9]{8}\\.fra0\\.kraft\\.host"));
    }

    @Test
    void longestNameStillGivesValidDnsLabel() {
        String name = unique("a".repeat(54));
        create(USER, group(name, List.of()))
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].name", is(name))
                .body("data.service_groups[0].fqdn", matchesPattern("a{54}-[a-z0-9]{8}\\.fra0\\.kraft\\.host"));
    }

    @Test
    void relativeDnsNameIsExpandedAndCaseFolded() {
        String label = unique("Proj").toUpperCase();
        create(USER, Map.of("dns_name", "API-v2." + label, "services", List.of()))
                .body("data.service_groups[0].fqdn", is("api-v2." + label.toLowerCase() + "." + METRO_DOMAIN));
    }

    @Test
    void fullyQualifiedDnsNameIsTakenAsIsWithWarningForTls() {
        String fqdn = unique("shop") + ".example.com";
        create(USER, Map.of("dns_name", fqdn.toUpperCase() + ".", "services", List.of(https(8080))))
                .body("status", is("success"))
                .body("warnings", hasSize(1))
                .body("warnings[0].message", containsString("experimental"))
                .body("data.service_groups[0].fqdn", is(fqdn));
    }

    @Test
    void fullyQualifiedDnsNameWithoutTlsHasNoWarning() {
        String fqdn = unique("plain") + ".example.org.";
        create(USER, Map.of("dns_name", fqdn, "services", List.of(service(80, 8080, "http"))))
                .body("status", is("success"))
                .body("warnings", nullValue());
    }

    @Test
    void domainsCompatibilityFieldMeansDnsName() {
        String label = unique("dom");
        create(USER, Map.of("domains", List.of(Map.of("name", label)), "services", List.of()))
                .body("data.service_groups[0].fqdn", is(label + "." + METRO_DOMAIN));
        create(USER, Map.of("domains", List.of(Map.of("name", unique("a")), Map.of("name", unique("b"))),
                "services", List.of()))
                .body("data.service_groups[0].error", is(1));
        create(USER, Map.of("domains", List.of(Map.of("name", unique("a"))), "dns_name", unique("b"),
                "services", List.of()))
                .body("data.service_groups[0].error", is(17));
    }

    @Test
    void limitsAreStoredAndReturned() {
        String uuid = createGroup(USER, Map.of("name", unique("lim"), "services", List.of(), "soft_limit", 10,
                "hard_limit", 20));
        as(USER).get("/v1/services/" + uuid).then()
                .body("data.service_groups[0].soft_limit", is(10))
                .body("data.service_groups[0].hard_limit", is(20));
        create(USER, Map.of("services", List.of(), "soft_limit", 30, "hard_limit", 20))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("soft_limit"));
        create(USER, Map.of("services", List.of(), "hard_limit", 0))
                .body("data.service_groups[0].error", is(7));
    }

    @Test
    void batchWithOneBadItemIsPartialSuccessInOrder() {
        String first = unique("first");
        String third = unique("third");
        List<Object> batch = List.of(
                group(first, List.of(https(8080))),
                group(unique("second"), List.of(service(443, 8080, "http"))),
                group(third, List.of()));
        create(USER, batch)
                .body("status", is("partial_success"))
                .body("message", containsString("port 443 requires both \"tls\" and \"http\""))
                .body("data.service_groups", hasSize(3))
                .body("data.service_groups[0].status", is("success"))
                .body("data.service_groups[0].name", is(first))
                .body("data.service_groups[1].status", is("error"))
                .body("data.service_groups[1].error", is(7))
                .body("data.service_groups[1].message", containsString("services[0].handlers"))
                .body("data.service_groups[2].status", is("success"))
                .body("data.service_groups[2].name", is(third));
        as(USER).get("/v1/services?name=" + first + "&name=" + third).then()
                .body("status", is("success"))
                .body("data.service_groups", hasSize(2));
    }

    @Test
    void batchWhereEveryItemFailsIsErrorWithHttp200() {
        create(USER, List.of(Map.of("services", List.of(service(80, 80, "tls"))), Map.of("name", "Bad Name",
                "services", List.of())))
                .body("status", is("error"))
                .body("message", is("2 of 2 items failed"))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[1].error", is(7))
                .body("data.service_groups[1].name", is("Bad Name"));
    }

    @Test
    void singleObjectAndArrayOfOneAnswerAlike() {
        create(USER, group(unique("single"), List.of())).body("data.service_groups", hasSize(1));
        create(USER, List.of(group(unique("array"), List.of()))).body("data.service_groups", hasSize(1));
    }

    @Test
    void emptyBatchSucceedsWithNoItems() {
        create(USER, List.of()).body("status", is("success")).body("data.service_groups", empty());
    }

    @Test
    void nameIsUniquePerUser() {
        String name = unique("twice");
        createGroup(USER, group(name, List.of()));
        create(USER, group(name, List.of()))
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(23))
                .body("data.service_groups[0].name", is(name))
                .body("data.service_groups[0].message", containsString(name));
    }

    @Test
    void dnsNameIsUniqueCaseInsensitively() {
        String label = unique("dns");
        createGroup(USER, Map.of("dns_name", label, "services", List.of()));
        create(USER, Map.of("dns_name", label.toUpperCase(), "services", List.of()))
                .body("data.service_groups[0].error", is(23))
                .body("data.service_groups[0].message", containsString("dns_name"));
        create(USER, Map.of("dns_name", label + "." + METRO_DOMAIN + ".", "services", List.of()))
                .body("data.service_groups[0].error", is(23));
    }

    @Test
    void deletingGroupReleasesItsDnsNameAtOnce() {
        String label = unique("reuse");
        String uuid = createGroup(USER, Map.of("dns_name", label, "services", List.of()));
        as(USER).delete("/v1/services/" + uuid).then().statusCode(200).body("status", is("success"));
        create(USER, Map.of("dns_name", label, "services", List.of()))
                .body("status", is("success"))
                .body("data.service_groups[0].fqdn", is(label + "." + METRO_DOMAIN));
    }

    @ParameterizedTest(name = "port {0} -> {1} with [{2}] is accepted")
    @CsvSource({
            "80, 8080, http",
            "80, 443, http redirect",
            "443, 8080, tls http",
            "443, 443, http tls",
            "8443, 8443, tls",
            "22, 2222, tls",
            "65535, 1, tls"})
    void handlerRulesAcceptValidCombinations(int port, int destination, String handlers) {
        create(USER, Map.of("services", List.of(service(port, destination, handlers.split(" ")))))
                .body("status", is("success"));
    }

    @ParameterizedTest(name = "port {0} -> {1} with [{2}] is refused")
    @CsvSource({
            "80, 8080, tls http, port 80 requires",
            "80, 8080, tls, port 80 requires",
            "80, 8080, http redirect, redirect",
            "443, 8080, tls, port 443 requires both",
            "443, 8080, http, port 443 requires both",
            "443, 443, tls http redirect, redirect",
            "8080, 8080, http, port 8080 requires \"tls\"",
            "8080, 8080, tls http, port 8080 requires \"tls\"",
            "8080, 443, tls redirect, redirect",
            "80, 8080, '', port 80 requires",
            "80, 8080, http http, given twice",
            "80, 8080, HTTP, unknown handler",
            "443, 8080, tls http quic, unknown handler"})
    void handlerRulesRefuseInvalidCombinations(int port, int destination, String handlers, String message) {
        String[] names = handlers.isEmpty() ? new String[0] : handlers.split(" ");
        create(USER, Map.of("services", List.of(service(port, destination, names))))
                .body("status", is("error"))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("services[0].handlers"))
                .body("data.service_groups[0].message", containsString(message));
    }

    @Test
    void missingHandlersAreInvalid() {
        create(USER, Map.of("services", List.of(Map.of("port", 443))))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("no handlers given"));
    }

    @Test
    void destinationPortDefaultsToPort() {
        String uuid = createGroup(USER, Map.of("services", List.of(Map.of("port", 8443, "handlers", List.of("tls")))));
        as(USER).get("/v1/services/" + uuid).then().body("data.service_groups[0].services[0].destination_port",
                is(8443));
    }

    @Test
    void servicesAreRequiredButMayBeEmpty() {
        create(USER, Map.of("name", unique("none"))).body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("services"));
        create(USER, Map.of("services", List.of())).body("status", is("success"));
    }

    @Test
    void atMost64ServicesWithoutRepeatedPorts() {
        List<Map<String, Object>> services = new ArrayList<>();
        for (int port = 10000; port < 10064; port++) {
            services.add(service(port, port, "tls"));
        }
        create(USER, Map.of("services", services)).body("status", is("success"));
        services.add(service(20000, 20000, "tls"));
        create(USER, Map.of("services", services)).body("data.service_groups[0].error", is(5));
        create(USER, Map.of("services", List.of(https(8080), https(9090))))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("services[1].port: 443 is already published"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"www", "api", "admin", "mail", "status", "WWW", "www.", "shop.api"})
    void reservedNamesDirectlyUnderMetroDomainAreNotAllowed(String dnsName) {
        String value = dnsName.equals("www.") ? "www." + METRO_DOMAIN + "." : dnsName;
        create(USER, Map.of("dns_name", value, "services", List.of()))
                .body("data.service_groups[0].error", is(14));
    }

    @Test
    void reservedLabelDeeperDownIsAllowed() {
        create(USER, Map.of("dns_name", "www." + unique("site"), "services", List.of())).body("status", is("success"));
    }

    @Test
    void dnsLabelOf63IsAcceptedAnd64IsTooLong() {
        String label63 = unique("l").concat("x".repeat(53));
        create(USER, Map.of("dns_name", label63, "services", List.of())).body("status", is("success"));
        create(USER, Map.of("dns_name", label63 + "y", "services", List.of()))
                .body("data.service_groups[0].error", is(22));
    }

    @Test
    void dnsNameOf253IsAcceptedAnd254IsTooLong() {
        String suffix = "." + METRO_DOMAIN;
        String head = unique("n");
        String fill = "a".repeat(61) + "." + "b".repeat(61) + "." + "c".repeat(61) + ".";
        int rest = 253 - suffix.length() - head.length() - fill.length();
        String name = fill + "d".repeat(rest - 1) + "." + head;
        assert (name + suffix).length() == 253;
        create(USER, Map.of("dns_name", name, "services", List.of()))
                .body("status", is("success"))
                .body("data.service_groups[0].fqdn", is(name + suffix));
        create(USER, Map.of("dns_name", "e" + name, "services", List.of()))
                .body("data.service_groups[0].error", is(22));
    }

    @Test
    void invalidNamesAreRefused() {
        create(USER, group("a".repeat(64), List.of())).body("data.service_groups[0].error", is(22));
        create(USER, group("My_Group", List.of())).body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("'M'"));
        create(USER, group("grüße", List.of())).body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("U+00FC"));
        create(USER, group("-lead", List.of())).body("data.service_groups[0].error", is(7));
        create(USER, Map.of("dns_name", "b\u212Aad", "services", List.of()))
                .body("data.service_groups[0].error", is(7))
                .body("data.service_groups[0].message", containsString("U+212A"));
    }

    @Test
    void createAnswerCarriesExactlyStatusUuidNameFqdn() {
        Map<String, Object> item = create(USER, group(unique("shape"), List.of(https(8080))))
                .extract().path("data.service_groups[0]");
        org.assertj.core.api.Assertions.assertThat(item).containsOnlyKeys("status", "uuid", "name", "fqdn");
    }

    @Test
    void opTimeIsReportedOnEveryAnswer() {
        json(USER, "{").post("/v1/services").then().statusCode(400).body("op_time_us", notNullValue());
        as(USER).get("/v1/services?count=1").then().statusCode(200).body("op_time_us", notNullValue());
        Map<String, Object> none = new HashMap<>();
        none.put("services", List.of());
        create(USER, none).body("op_time_us", greaterThanOrEqualTo(0)).body("message", equalTo(null));
    }
}
