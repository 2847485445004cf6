package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Arrays;
import io.vertx.core.MultiMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopByHopTest {
    @Test
    void hopByHopAndConnectionNamedHeadersStayBehind() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap().add("Connection", "close, X-Private")
                .add("X-Private", "1").add("Transfer-Encoding", "chunked").add("Upgrade", "h2c")
                .add("Keep-Alive", "5").add("Accept", "text/html").add("Set-Cookie", "a").add("Set-Cookie", "b");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        HopByHop.copy(from, to, "expect");
        assertThat(to.names()).containsExactlyInAnyOrder("Accept", "Set-Cookie");
        assertThat(to.getAll("set-cookie")).containsExactly("a", "b");
    }

    @Test
    void aBackendsNettyHeadersLoseTheSameOnesOnTheirWayToTheClient() {
        HttpHeaders from = new DefaultHttpHeaders().add("Connection", "X-Private").add("X-Private", "1")
                .add("TE", "trailers").add("Content-Type", "text/plain").add("Set-Cookie", "a").add("Set-Cookie", "b");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        HopByHop.copy(from, to);
        assertThat(to.names()).containsExactlyInAnyOrder("Content-Type", "Set-Cookie");
        assertThat(to.getAll("set-cookie")).containsExactly("a", "b");
    }

    @Test
    void aClientsRequestLosesPseudoHeadersAndTheNamedOnesOnItsWayToABackend() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap().add(":method", "GET").add(":path", "/")
                .add("Expect", "100-continue").add("Proxy-Authorization", "x").add("Accept", "*/*");
        HttpHeaders to = new DefaultHttpHeaders();
        HopByHop.copy(from, to, "expect");
        assertThat(to.names()).containsExactly("Accept");
    }

    @Test
    void everyAlwaysHopByHopNameIsKnownInAnyCase() {
        for (String name : List.of("Connection", "KEEP-ALIVE", "proxy-connection", "Proxy-Authenticate",
                "proxy-authorization", "TE", "Trailer", "Transfer-Encoding", "upgrade")) {
            assertThat(HopByHop.always(name)).as(name).isTrue();
        }
        for (String name : List.of("content-length", "host", "t", "trailers", "upgrade-insecure-requests")) {
            assertThat(HopByHop.always(name)).as(name).isFalse();
        }
    }

    @Test
    void keepAliveIsReadAsNettyReadsIt() {
        for (HttpVersion version : List.of(HttpVersion.HTTP_1_0, HttpVersion.HTTP_1_1)) {
            for (String connection : Arrays.asList(null, "close", "Close", "keep-alive", "Keep-Alive",
                    "keep-alive, Upgrade", "Upgrade, close", "upgrade", "")) {
                HttpRequest request = new DefaultHttpRequest(version, HttpMethod.GET, "/");
                if (connection != null) {
                    request.headers().set("Connection", connection);
                }
                assertThat(HopByHop.keepAlive(request)).as(version + " " + connection)
                        .isEqualTo(HttpUtil.isKeepAlive(request));
            }
        }
    }

    @Test
    void webSocketUpgradesAreRecognised() {
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap().add("Upgrade", "WebSocket")))
                .isTrue();
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap().add("Upgrade", "h2c"))).isFalse();
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap())).isFalse();
    }
}
