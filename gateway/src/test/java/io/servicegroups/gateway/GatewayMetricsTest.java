package io.servicegroups.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheus.PrometheusConfig;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import org.junit.jupiter.api.Test;

class GatewayMetricsTest {
    @Test
    void aCompositeOfOneRegistryIsSkippedForThatRegistry() {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        CompositeMeterRegistry composite = new CompositeMeterRegistry().add(prometheus);
        assertThat(GatewayMetrics.direct(composite)).isSameAs(prometheus);
    }

    @Test
    void aCompositeOfNoneOrSeveralRegistriesIsKept() {
        CompositeMeterRegistry empty = new CompositeMeterRegistry();
        assertThat(GatewayMetrics.direct(empty)).isSameAs(empty);
        CompositeMeterRegistry two = new CompositeMeterRegistry().add(new SimpleMeterRegistry())
                .add(new SimpleMeterRegistry());
        assertThat(GatewayMetrics.direct(two)).isSameAs(two);
        SimpleMeterRegistry plain = new SimpleMeterRegistry();
        assertThat(GatewayMetrics.direct(plain)).isSameAs(plain);
    }
}
