package io.servicegroups.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpsRedirectTest {
    @Test
    void theStatusIsAPermanentRedirectThatKeepsTheMethod() {
        assertThat(HttpsRedirect.STATUS).isEqualTo(308);
    }

    @ParameterizedTest
    @CsvSource({
            "shop.fra0.kraft.host, /cart?id=7, https://shop.fra0.kraft.host/cart?id=7",
            "shop.fra0.kraft.host:10080, /, https://shop.fra0.kraft.host/",
            "Shop.fra0.kraft.host, /a/b, https://Shop.fra0.kraft.host/a/b",
            "shop.fra0.kraft.host, '', https://shop.fra0.kraft.host/",
            "shop.fra0.kraft.host, http://shop.fra0.kraft.host/x?y, https://shop.fra0.kraft.host/x?y",
            "shop.fra0.kraft.host, http://shop.fra0.kraft.host, https://shop.fra0.kraft.host/"})
    void theLocationIsHttpsOnTheSameHostWithPathAndQuery(String host, String uri, String location) {
        assertThat(HttpsRedirect.location(host, uri)).isEqualTo(location);
    }
}
