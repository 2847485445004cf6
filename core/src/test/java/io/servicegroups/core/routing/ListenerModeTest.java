package io.servicegroups.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.Handler;
import io.servicegroups.core.PublishedService;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerModeTest {
    @Test
    void port80IsPlainHttp() {
        PublishedService web = new PublishedService(80, 8080, List.of(Handler.HTTP));
        assertThat(ListenerMode.of(web)).isEqualTo(ListenerMode.HTTP);
        assertThat(ListenerMode.HTTP.tls()).isFalse();
        assertThat(ListenerMode.HTTP.http()).isTrue();
        assertThat(ListenerMode.redirects(web)).isFalse();
    }

    @Test
    void redirectOn80IsPlainHttpThatRedirects() {
        PublishedService redirect = new PublishedService(80, 443, List.of(Handler.HTTP, Handler.REDIRECT));
        assertThat(ListenerMode.of(redirect)).isEqualTo(ListenerMode.HTTP);
        assertThat(ListenerMode.redirects(redirect)).isTrue();
    }

    @Test
    void port443IsHttps() {
        PublishedService https = new PublishedService(443, 8080, List.of(Handler.TLS, Handler.HTTP));
        assertThat(ListenerMode.of(https)).isEqualTo(ListenerMode.HTTPS);
        assertThat(ListenerMode.HTTPS.tls()).isTrue();
        assertThat(ListenerMode.HTTPS.http()).isTrue();
    }

    @Test
    void otherPortsAreTlsTerminatedTcp() {
        PublishedService db = new PublishedService(5432, 5432, List.of(Handler.TLS));
        assertThat(ListenerMode.of(db)).isEqualTo(ListenerMode.TLS_TCP);
        assertThat(ListenerMode.TLS_TCP.tls()).isTrue();
        assertThat(ListenerMode.TLS_TCP.http()).isFalse();
    }
}
