package io.servicegroups.gateway;

/** Every TLS test of {@link TlsTest} again, with the JDK's engine on HTTPS ports (sg.gateway.tls.engine=jdk). */
class JdkTlsTest extends TlsTest {
    @Override
    TlsEngine engine() {
        return TlsEngine.JDK;
    }
}
