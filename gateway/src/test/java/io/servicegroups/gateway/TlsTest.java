package io.servicegroups.gateway;

import static io.servicegroups.gateway.Backends.await;
import static io.servicegroups.gateway.Harness.group;
import static io.servicegroups.gateway.Harness.https;
import static io.servicegroups.gateway.Harness.running;
import static io.servicegroups.gateway.Harness.tls;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.RoutableGroup;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.SocketAddress;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS termination: SNI routing, the wildcard certificate, ALPN h2, and TLS-terminated TCP. */
class TlsTest {
    @BeforeAll
    static void openSslLoads() {
        assertThat(TlsEngine.OPENSSL.available()).as("netty-tcnative's BoringSSL loads on this machine")
                .isEqualTo(TlsEngine.OPENSSL);
    }

    private Harness gateway;
    private Backends.Http backend;
    private int destination;

    @BeforeEach
    void start() throws Exception {
        gateway = new Harness(engine());
        destination = Harness.freePort();
        backend = new Backends.Http(gateway.vertx, "a", "127.0.0.2", destination, null);
    }

    @AfterEach
    void stop() throws Exception {
        backend.close();
        gateway.close();
    }

    /** Who encrypts HTTPS: OpenSSL, the default; {@link JdkTlsTest} runs every test again with the JDK's engine. */
    TlsEngine engine() {
        return TlsEngine.OPENSSL;
    }

    /** Refused by a fatal alert before any certificate is shown: internal_error (OpenSSL), handshake_failure (JDK). */
    private void assertRefused(Throwable failure) {
        if (engine() == TlsEngine.JDK) {
            assertThat(failure).isInstanceOf(SSLHandshakeException.class);
        } else {
            assertThat(failure).isInstanceOf(SSLException.class).hasMessageContaining("fatal alert: internal_error");
        }
    }

    private void publishShop() {
        gateway.publish(group("shop", List.of(https(destination)), ConcurrencyLimits.DEFAULT, running("127.0.0.2")));
    }

    @Test
    void httpsWithSniReachesTheBackendWithForwardedProtoHttps() {
        publishShop();
        Client client = new Client(gateway.vertx, gateway.port(443), true, HttpVersion.HTTP_1_1);
        Client.Answer answer = client.get("shop.fra0.kraft.host", "/secure");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getJsonObject("headers").getString("x-forwarded-proto")).isEqualTo("https");
    }

    @Test
    void clientsMaySpeakHttp2WhileTheBackendGetsHttp1() {
        publishShop();
        Client client = new Client(gateway.vertx, gateway.port(443), true, HttpVersion.HTTP_2);
        Client.Answer answer = client.send(HttpMethod.POST, "shop.fra0.kraft.host", "/h2", 
                io.vertx.core.MultiMap.caseInsensitiveMultiMap(), Buffer.buffer("twelve bytes"));
        assertThat(answer.version()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getLong("body_bytes")).isEqualTo(12);
        assertThat(answer.json().getString("uri")).isEqualTo("/h2");
    }

    @Test
    void sixteenTlsKeepAliveConnectionsMakingTwoHundredRequestsEachAreAllAnswered() {
        publishShop();
        Client pooled = new Client(gateway.vertx, gateway.port(443), true, HttpVersion.HTTP_1_1);
        List<io.vertx.core.Future<Integer>> loops = new java.util.ArrayList<>();
        for (int connection = 0; connection < 16; connection++) {
            loops.add(HttpForwardingTest.sequential(pooled, 200));
        }
        await(io.vertx.core.Future.all(new java.util.ArrayList<>(loops)), 120);
        assertThat(loops).allSatisfy(loop -> assertThat(loop.result()).isEqualTo(200));
    }

    @Test
    void theCertificateIsTheMetroWildcard() throws Exception {
        publishShop();
        try (SSLSocket socket = Client.tlsSocket(gateway.port(443), "shop.fra0.kraft.host")) {
            socket.startHandshake();
            X509Certificate certificate = (X509Certificate) socket.getSession().getPeerCertificates()[0];
            assertThat(WildcardCertificate.dnsNames(certificate)).contains("*.fra0.kraft.host");
            assertThat(socket.getSession().getProtocol()).startsWith("TLSv1.");
        }
    }

    @Test
    void aHandshakeWithoutSniIsRefused() {
        publishShop();
        Throwable failure = catchThrowable(() -> {
            try (SSLSocket socket = Client.tlsSocket(gateway.port(443), null)) {
                socket.startHandshake();
            }
        });
        assertRefused(failure);
    }

    @Test
    void aHandshakeForAnUnknownNameIsRefused() {
        publishShop();
        Throwable failure = catchThrowable(() -> {
            try (SSLSocket socket = Client.tlsSocket(gateway.port(443), "nobody.fra0.kraft.host")) {
                socket.startHandshake();
            }
        });
        assertRefused(failure);
    }

    @Test
    void aNameOutsideTheMetroDomainGetsTheWildcardWhichAVerifyingClientRejects() {
        gateway.publish(new RoutableGroup(java.util.UUID.randomUUID(), "shop.example.com", List.of(https(destination)),
                ConcurrencyLimits.DEFAULT, List.of(running("127.0.0.2"))));
        var verifying = gateway.vertx.createHttpClient(new HttpClientOptions().setSsl(true).setForceSni(true)
                .setVerifyHost(true).setTrustOptions(new PemTrustOptions()
                        .addCertPath(gateway.certDir.resolve("wildcard-cert.pem").toString())));
        Throwable failure = catchThrowable(() -> await(verifying.request(new io.vertx.core.http.RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(gateway.port(443), "127.0.0.1"))
                .setHost("shop.example.com").setPort(443).setURI("/")).compose(r -> r.send())));
        assertThat(failure).hasRootCauseInstanceOf(java.security.cert.CertificateException.class);
        Client trusting = new Client(gateway.vertx, gateway.port(443), true, HttpVersion.HTTP_1_1);
        assertThat(trusting.get("shop.example.com", "/").status()).isEqualTo(200);
    }

    @Test
    void aVerifyingClientAcceptsTheWildcardForAMetroName() {
        publishShop();
        var verifying = gateway.vertx.createHttpClient(new HttpClientOptions().setSsl(true).setForceSni(true)
                .setVerifyHost(true).setTrustOptions(new PemTrustOptions()
                        .addCertPath(gateway.certDir.resolve("wildcard-cert.pem").toString())));
        int status = await(verifying.request(new io.vertx.core.http.RequestOptions()
                .setServer(SocketAddress.inetSocketAddress(gateway.port(443), "127.0.0.1"))
                .setHost("shop.fra0.kraft.host").setPort(443).setURI("/")).compose(r -> r.send())).statusCode();
        assertThat(status).isEqualTo(200);
    }

    @Test
    void tlsWithoutHttpCopiesBytesBothWaysPerConnection() throws Exception {
        int tcpDestination = Harness.freePort();
        NetServer echoA = Backends.tcpEcho(gateway.vertx, "127.0.0.2", tcpDestination);
        NetServer echoB = Backends.tcpEcho(gateway.vertx, "127.0.0.3", tcpDestination);
        RoutableGroup db = group("db", List.of(tls(7000, tcpDestination)), ConcurrencyLimits.DEFAULT,
                running("127.0.0.2"), running("127.0.0.3"));
        try {
            gateway.publish(db);
            for (int i = 0; i < 4; i++) {
                try (SSLSocket socket = Client.tlsSocket(gateway.port(7000), "db.fra0.kraft.host")) {
                    OutputStream out = socket.getOutputStream();
                    InputStream in = socket.getInputStream();
                    byte[] payload = ("ping " + i).getBytes(StandardCharsets.US_ASCII);
                    out.write(payload);
                    out.flush();
                    assertThat(in.readNBytes(payload.length)).isEqualTo(payload);
                }
            }
        } finally {
            await(echoA.close());
            await(echoB.close());
        }
    }

    @Test
    void aHalfCloseFromTheClientLetsTheBackendAnswerToTheEnd() throws Exception {
        int tcpDestination = Harness.freePort();
        try (java.net.ServerSocket backend = new java.net.ServerSocket(tcpDestination, 5,
                java.net.InetAddress.getByName("127.0.0.2"))) {
            Thread server = new Thread(() -> {
                try (java.net.Socket connection = backend.accept()) {
                    byte[] request = connection.getInputStream().readAllBytes();
                    connection.getOutputStream().write(("got " + request.length + " bytes, bye")
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            });
            server.start();
            gateway.publish(group("db", List.of(tls(7000, tcpDestination)), ConcurrencyLimits.DEFAULT,
                    running("127.0.0.2")));
            try (SSLSocket socket = Client.tlsSocket(gateway.port(7000), "db.fra0.kraft.host")) {
                socket.setEnabledProtocols(new String[] {"TLSv1.3"});
                socket.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                socket.shutdownOutput();
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII))
                        .isEqualTo("got 5 bytes, bye");
            }
            server.join(5000);
        }
    }

    @Test
    void fiftyMegabytesPassBothWaysWithBackPressure() throws Exception {
        int tcpDestination = Harness.freePort();
        NetServer echo = Backends.tcpEcho(gateway.vertx, "127.0.0.2", tcpDestination);
        int size = 50 * 1024 * 1024;
        try {
            gateway.publish(group("db", List.of(tls(7000, tcpDestination)), ConcurrencyLimits.DEFAULT,
                    running("127.0.0.2")));
            try (SSLSocket socket = Client.tlsSocket(gateway.port(7000), "db.fra0.kraft.host")) {
                socket.startHandshake();
                Thread writer = new Thread(() -> {
                    try {
                        byte[] block = new byte[64 * 1024];
                        for (int sent = 0; sent < size; sent += block.length) {
                            socket.getOutputStream().write(block);
                        }
                        socket.getOutputStream().flush();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                writer.start();
                long received = 0;
                byte[] buffer = new byte[64 * 1024];
                while (received < size) {
                    int n = socket.getInputStream().read(buffer);
                    if (n < 0) {
                        break;
                    }
                    received += n;
                }
                writer.join();
                assertThat(received).isEqualTo(size);
            }
        } finally {
            await(echo.close());
        }
    }

    @Test
    void tcpConnectionsAreSpreadOverInstancesAndARefusingOneIsSkipped() throws Exception {
        int tcpDestination = Harness.freePort();
        Map<String, Integer> seen = new HashMap<>();
        NetServer a = namedServer("127.0.0.2", tcpDestination, "A");
        NetServer b = namedServer("127.0.0.3", tcpDestination, "B");
        try {
            gateway.publish(group("db", List.of(tls(7000, tcpDestination)), ConcurrencyLimits.DEFAULT,
                    running("127.0.0.2"), running("127.0.0.3"), running("127.0.0.4")));
            for (int i = 0; i < 9; i++) {
                try (SSLSocket socket = Client.tlsSocket(gateway.port(7000), "db.fra0.kraft.host")) {
                    byte[] name = socket.getInputStream().readNBytes(1);
                    seen.merge(new String(name, StandardCharsets.US_ASCII), 1, Integer::sum);
                }
            }
        } finally {
            await(a.close());
            await(b.close());
        }
        assertThat(seen.keySet()).containsExactlyInAnyOrder("A", "B");
        assertThat(seen.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(9);
    }

    @Test
    void aTcpConnectionIsClosedWhenNoInstanceRuns() throws Exception {
        gateway.publish(group("db", List.of(tls(7000, destination)), ConcurrencyLimits.DEFAULT));
        try (SSLSocket socket = Client.tlsSocket(gateway.port(7000), "db.fra0.kraft.host")) {
            socket.startHandshake();
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    private NetServer namedServer(String address, int port, String name) {
        return await(gateway.vertx.createNetServer().connectHandler(socket -> socket.end(Buffer.buffer(name)))
                .listen(port, address));
    }
}
