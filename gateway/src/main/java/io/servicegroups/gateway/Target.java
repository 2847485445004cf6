package io.servicegroups.gateway;

import io.vertx.core.net.SocketAddress;
import java.util.UUID;

/** A running instance as a destination of one published port: {@code address:destination_port}. */
record Target(UUID instance, String address, int port, Load load, SocketAddress socketAddress) {
    static Target of(UUID instance, String address, int port, Load load) {
        return new Target(instance, address, port, load, SocketAddress.inetSocketAddress(port, address));
    }

    @Override
    public String toString() {
        return instance + "@" + (address.indexOf(':') >= 0 ? "[" + address + "]" : address) + ":" + port;
    }
}
