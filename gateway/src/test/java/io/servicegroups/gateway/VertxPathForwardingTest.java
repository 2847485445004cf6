package io.servicegroups.gateway;

/**
 * Every forwarding test again with the HTTP/1 fast path off: requests go through Vert.x's request and response
 * objects and {@link HttpForwarder}, the path HTTP/2 requests, upgrades and the gateway's own answers take.
 */
class VertxPathForwardingTest extends HttpForwardingTest {
    @Override
    Harness harness() throws Exception {
        return new Harness(TlsEngine.OPENSSL, false);
    }
}
