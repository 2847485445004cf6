package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HopByHopTest {
    @Test
    void hopByHopAndConnectionNamedHeadersStayBehind() {
        MultiMap from = MultiMap.caseInsensitiveMultiMap().add("Connection", "close, X-Private")
                .add("X-Private", "1").add("Transfer-Encoding", "chunked").add("Upgrade", "h2c")
                .add("Keep-Alive", "5").add("Accept", "text/html").add("Set-Cookie", "a").add("Set-Cookie", "b");
        MultiMap to = MultiMap.caseInsensitiveMultiMap();
        HopByHop.copy(from, to, Set.of("expect"));
        assertThat(to.names()).containsExactlyInAnyOrder("Accept", "Set-Cookie");
        assertThat(to.getAll("set-cookie")).containsExactly("a", "b");
    }

    @Test
    void webSocketUpgradesAreRecognised() {
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap().add("Upgrade", "WebSocket")))
                .isTrue();
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap().add("Upgrade", "h2c"))).isFalse();
        assertThat(HopByHop.isWebSocketUpgrade(MultiMap.caseInsensitiveMultiMap())).isFalse();
    }
}
