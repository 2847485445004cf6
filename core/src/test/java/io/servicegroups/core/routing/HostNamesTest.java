package io.servicegroups.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostNamesTest {
    @ParameterizedTest
    @CsvSource({
            "shop.fra0.kraft.host, shop.fra0.kraft.host",
            "Shop.FRA0.Kraft.Host, shop.fra0.kraft.host",
            "shop.fra0.kraft.host:80, shop.fra0.kraft.host",
            "shop.fra0.kraft.host:10080, shop.fra0.kraft.host",
            "shop.fra0.kraft.host., shop.fra0.kraft.host",
            "SHOP.fra0.kraft.host.:443, shop.fra0.kraft.host",
            "shop.fra0.kraft.host:, shop.fra0.kraft.host",
            "' shop.fra0.kraft.host ', shop.fra0.kraft.host",
            "127.0.0.1:8080, 127.0.0.1"})
    void authoritiesBecomeLowerCaseNamesWithoutPortOrTrailingDot(String authority, String expected) {
        assertThat(HostNames.fromAuthority(authority)).isEqualTo(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"[::1]:80", "[::1]", "host:port", "a:1:2", ":80", "."})
    void authoritiesThatCannotNameAGroupGiveNull(String authority) {
        assertThat(HostNames.fromAuthority(authority)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"Shop.Example.COM, shop.example.com", "shop.example.com., shop.example.com"})
    void serverNamesAreLowerCasedWithoutTrailingDot(String name, String expected) {
        assertThat(HostNames.fromServerName(name)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"Shop.example.com:10080, Shop.example.com", "shop.example.com, shop.example.com",
            "'[::1]:80', '[::1]'"})
    void withoutPortKeepsTheNameAsWritten(String authority, String expected) {
        assertThat(HostNames.withoutPort(authority)).isEqualTo(expected);
    }
}
