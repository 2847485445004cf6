package io.servicegroups.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Slow clients over raw sockets: a trickling body is cut with 408 (not the request deadline's 503), idle
 * keep-alive connections and stalled headers are closed after a bounded time. Short limits so the test is quick.
 */
@QuarkusTest
@TestProfile(SlowClientsTest.ShortLimits.class)
class SlowClientsTest {
    private static final long GENEROUS_MS = 20_000;

    public static class ShortLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sg.api.body-timeout", "2s", "quarkus.http.idle-timeout", "3s");
        }
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout((int) GENEROUS_MS);
        return socket;
    }

    @Test
    void aTricklingBodyIsCutWith408AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/services HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer alice-token\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"services\"")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long started = System.currentTimeMillis();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 40; i++) {
                        Thread.sleep(500);
                        out.write(' ');
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // the server closed the connection: what the test expects
                }
            });
            trickle.start();
            String answer = readUntilClosed(socket.getInputStream());
            trickle.interrupt();
            assertThat(answer).startsWith("HTTP/1.1 408");
            assertThat(answer).contains("\"error\":16").contains("sg.api.body-timeout");
            assertThat(System.currentTimeMillis() - started).as("cut by the body timeout, long before the"
                    + " 30 s request deadline").isLessThan(GENEROUS_MS);
        }
    }

    @Test
    void anIdleKeepAliveConnectionIsClosed() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            long started = System.currentTimeMillis();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 200");
            assertThat(System.currentTimeMillis() - started).as("closed by the idle timeout").isLessThan(GENEROUS_MS);
        }
    }

    @Test
    void aConnectionWhoseHeadersStallIsClosed() throws Exception {
        try (Socket socket = connect()) {
            socket.getOutputStream().write("GET /v1/services HTTP/1.1\r\nHost: loc".getBytes(StandardCharsets.US_ASCII));
            long started = System.currentTimeMillis();
            String answer = readUntilClosed(socket.getInputStream());
            assertThat(answer).as("no answer to a request that never ends its headers").isEmpty();
            assertThat(System.currentTimeMillis() - started).as("closed by the idle timeout").isLessThan(GENEROUS_MS);
        }
    }

    @Test
    void aConnectionThatSendsNothingIsClosed() throws Exception {
        try (Socket socket = connect()) {
            long started = System.currentTimeMillis();
            assertThat(readUntilClosed(socket.getInputStream())).isEmpty();
            assertThat(System.currentTimeMillis() - started).isLessThan(GENEROUS_MS);
        }
    }

    /** Everything the server sends until it closes; fails if it has not closed within the socket timeout. */
    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the server kept the connection open; received so far: "
                    + received.toString(StandardCharsets.UTF_8), e);
        } catch (SocketException e) {
            // reset by the server: closed as well
        }
        return received.toString(StandardCharsets.UTF_8);
    }
}
