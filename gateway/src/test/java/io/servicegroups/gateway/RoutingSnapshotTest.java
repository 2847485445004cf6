package io.servicegroups.gateway;

import static io.servicegroups.gateway.Harness.draining;
import static io.servicegroups.gateway.Harness.group;
import static io.servicegroups.gateway.Harness.http;
import static io.servicegroups.gateway.Harness.https;
import static io.servicegroups.gateway.Harness.redirect;
import static io.servicegroups.gateway.Harness.running;
import static io.servicegroups.gateway.Harness.tls;
import static org.assertj.core.api.Assertions.assertThat;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.ListenerMode;
import io.servicegroups.core.routing.RoutableGroup;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoutingSnapshotTest {
    private final Loads loads = new Loads();

    @Test
    void portsMapToTheirModesAndFqdnsToRoutes() {
        RoutableGroup.Backend a = running("127.0.0.2");
        RoutableGroup shop = group("shop", List.of(http(8080), https(8443)), ConcurrencyLimits.DEFAULT, a);
        RoutableGroup db = group("db", List.of(tls(5432, 5433)), ConcurrencyLimits.DEFAULT, a);
        RoutingSnapshot snapshot = RoutingSnapshot.build(7, List.of(shop, db), loads);

        assertThat(snapshot.version()).isEqualTo(7);
        assertThat(snapshot.ports()).isEqualTo(Map.of(80, ListenerMode.HTTP, 443, ListenerMode.HTTPS,
                5432, ListenerMode.TLS_TCP));
        Route web = snapshot.route(80, "shop.fra0.kraft.host");
        assertThat(web.group()).isEqualTo(shop.uuid());
        assertThat(web.targets()).extracting(Target::port).containsExactly(8080);
        assertThat(snapshot.route(443, "shop.fra0.kraft.host").targets()).extracting(Target::port)
                .containsExactly(8443);
        assertThat(snapshot.route(5432, "db.fra0.kraft.host").targets()).extracting(Target::address)
                .containsExactly("127.0.0.2");
    }

    @Test
    void aGroupIsRoutedOnlyOnThePortsItPublishes() {
        RoutingSnapshot snapshot = RoutingSnapshot.build(1, List.of(
                group("shop", List.of(http(8080)), ConcurrencyLimits.DEFAULT)), loads);
        assertThat(snapshot.route(443, "shop.fra0.kraft.host")).isNull();
        assertThat(snapshot.route(80, "other.fra0.kraft.host")).isNull();
        assertThat(snapshot.route(80, null)).isNull();
    }

    @Test
    void storedFqdnsAreMatchedInLowerCase() {
        RoutableGroup upper = new RoutableGroup(UUID.randomUUID(), "Shop.Example.COM", List.of(http(80)),
                ConcurrencyLimits.DEFAULT, List.of());
        assertThat(RoutingSnapshot.build(1, List.of(upper), loads).route(80, "shop.example.com")).isNotNull();
    }

    @Test
    void onlyRunningInstancesAreTargetsAndDrainingOnesAreKnown() {
        RoutableGroup.Backend up = running("127.0.0.2");
        RoutableGroup.Backend leaving = draining(running("127.0.0.3"));
        RoutingSnapshot snapshot = RoutingSnapshot.build(1, List.of(
                group("shop", List.of(http(80)), ConcurrencyLimits.DEFAULT, up, leaving)), loads);
        assertThat(snapshot.route(80, "shop.fra0.kraft.host").targets()).extracting(Target::instance)
                .containsExactly(up.instance());
        assertThat(snapshot.draining()).containsExactly(leaving.instance());
        assertThat(snapshot.instances()).containsExactlyInAnyOrder(up.instance(), leaving.instance());
    }

    @Test
    void redirectIsAPropertyOfTheRoute() {
        RoutingSnapshot snapshot = RoutingSnapshot.build(1, List.of(
                group("shop", List.of(redirect()), ConcurrencyLimits.DEFAULT)), loads);
        assertThat(snapshot.route(80, "shop.fra0.kraft.host").redirect()).isTrue();
    }

    @Test
    void loadsAreSharedAcrossSnapshotsAndPorts() {
        RoutableGroup.Backend a = running("127.0.0.2");
        RoutableGroup shop = group("shop", List.of(http(80), https(443)), ConcurrencyLimits.DEFAULT, a);
        Target first = RoutingSnapshot.build(1, List.of(shop), loads).route(80, "shop.fra0.kraft.host").acquire(null);
        Target again = RoutingSnapshot.build(2, List.of(shop), loads).route(443, "shop.fra0.kraft.host")
                .targets().get(0);
        assertThat(again.load()).isSameAs(first.load());
        assertThat(loads.current(a.instance())).isEqualTo(1);
    }

    @Test
    void idleInstancesNoLongerRoutedAreForgottenButBusyOnesKept() {
        RoutableGroup.Backend idle = running("127.0.0.2");
        RoutableGroup.Backend busy = running("127.0.0.3");
        loads.of(idle.instance());
        loads.of(busy.instance()).tryAcquire(10);
        loads.retainOnly(java.util.Set.of());
        assertThat(loads.current(busy.instance())).isEqualTo(1);
        assertThat(loads.of(idle.instance()).get()).isZero();
    }

    @Test
    void theEmptySnapshotRoutesNothing() {
        assertThat(RoutingSnapshot.EMPTY.ports()).isEmpty();
        assertThat(RoutingSnapshot.EMPTY.route(80, "shop.fra0.kraft.host")).isNull();
    }
}
