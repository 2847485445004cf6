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
 * keep-alive connections and stalled headers are closed after a bounded time, and so are headers that trickle in a
 * byte at a time: the idle timeout counts only complete HTTP messages (Vert.x measures it after the decoder), so a
 * request head must arrive whole within it. Short limits so the test is quick.
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
    void headersTricklingInAByteAtATimeAreCutByTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            long started = System.currentTimeMillis();
            Thread trickle = trickle(socket.getOutputStream(), "GET /v1/services HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer alice-token\r\nX-Slow: " + "x".repeat(40) + "\r\n\r\n", 250);
            String answer = readUntilClosed(socket.getInputStream());
            long took = System.currentTimeMillis() - started;
            trickle.interrupt();
            assertThat(answer).as("the head never completed, so nothing is answered").isEmpty();
            assertThat(took).as("a byte every 250 ms never leaves the connection idle for 3 s, yet it is cut about 3 s"
                    + " after its start, long before the trickle's 25 s").isBetween(2_500L, 10_000L);
        }
    }

    @Test
    void onAKeptAliveConnectionEachHeadMustArriveWithinTheIdleTimeout() throws Exception {
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String request = "GET /q/health/live HTTP/1.1\r\nHost: localhost\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            Thread.sleep(1_000);
            for (byte b : request.getBytes(StandardCharsets.US_ASCII)) { // a head in small pieces, quick enough
                out.write(b);
                out.flush();
                Thread.sleep(20);
            }
            assertThat(readResponse(in)).startsWith("HTTP/1.1 200");
            long started = System.currentTimeMillis();
            trickle(out, request, 250);
            assertThat(readUntilClosed(in)).as("the third head trickles: cut").isEmpty();
            assertThat(System.currentTimeMillis() - started).isBetween(2_500L, 10_000L);
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

    /** Writes {@code text} a byte at a time, {@code pauseMs} apart, until done or the server closes. */
    private static Thread trickle(OutputStream out, String text, long pauseMs) {
        Thread thread = new Thread(() -> {
            try {
                for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
                    out.write(b);
                    out.flush();
                    Thread.sleep(pauseMs);
                }
            } catch (IOException | InterruptedException e) {
                // closed by the server, or the test is over
            }
        });
        thread.start();
        return thread;
    }

    /** One response: its head, then as many body bytes as its Content-Length says. */
    private static String readResponse(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new AssertionError("closed in the middle of a response: " + head);
            }
            head.append((char) b);
        }
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        int bodyLength = length.find() ? Integer.parseInt(length.group(1)) : 0;
        byte[] body = in.readNBytes(bodyLength);
        return head + new String(body, StandardCharsets.UTF_8);
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
