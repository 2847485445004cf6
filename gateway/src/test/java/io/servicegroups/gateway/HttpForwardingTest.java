package io.servicegroups.gateway;

import static io.servicegroups.gateway.Backends.await;
import static io.servicegroups.gateway.Harness.draining;
import static io.servicegroups.gateway.Harness.group;
import static io.servicegroups.gateway.Harness.http;
import static io.servicegroups.gateway.Harness.redirect;
import static io.servicegroups.gateway.Harness.running;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.servicegroups.core.ConcurrencyLimits;
import io.servicegroups.core.routing.RoutableGroup;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.SocketAddress;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@code http} handler through real sockets: routing, balancing, headers, streaming and failure modes. */
class HttpForwardingTest {
    private Harness gateway;
    private final List<Backends.Http> backends = new ArrayList<>();
    private Client client;
    private int destination;

    /** The gateway under test: HTTP/1 requests on the fast path ({@code Http1Forwarder}). */
    Harness harness() throws Exception {
        return new Harness();
    }

    @BeforeEach
    void start() throws Exception {
        gateway = harness();
        destination = Harness.freePort();
        client = new Client(gateway.vertx, gateway.port(80), false, HttpVersion.HTTP_1_1);
    }

    @AfterEach
    void stop() throws Exception {
        backends.forEach(Backends.Http::close);
        gateway.close();
    }

    private Backends.Http backend(String name, String address) {
        return backend(name, address, null);
    }

    private Backends.Http backend(String name, String address, Consumer<HttpServerRequest> custom) {
        Backends.Http backend = new Backends.Http(gateway.vertx, name, address, destination, custom);
        backends.add(backend);
        return backend;
    }

    private RoutableGroup shop(RoutableGroup.Backend... instances) {
        return group("shop", List.of(http(destination)), ConcurrencyLimits.DEFAULT, instances);
    }

    @Test
    void routesByHostCaseInsensitivelyIgnoringThePort() {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        Client.Answer answer = client.get("SHOP.Fra0.Kraft.Host:12345", "/cart?id=7");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().getString("name")).isEqualTo("a");
        assertThat(answer.json().getString("uri")).isEqualTo("/cart?id=7");
    }

    @Test
    void anUnknownHostIsA404WithAShortPlainBody() {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        Client.Answer answer = client.get("other.fra0.kraft.host", "/");
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().get("content-type")).startsWith("text/plain");
        assertThat(answer.body()).contains("other.fra0.kraft.host").hasSizeLessThan(200);
    }

    @Test
    void requestsAreSpreadRoundRobinOverIdleInstances() {
        backend("a", "127.0.0.2");
        backend("b", "127.0.0.3");
        gateway.publish(shop(running("127.0.0.2"), running("127.0.0.3")));
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 20; i++) {
            counts.merge(client.get("shop.fra0.kraft.host", "/").json().getString("name"), 1, Integer::sum);
        }
        assertThat(counts).containsEntry("a", 10).containsEntry("b", 10);
    }

    @Test
    void theLeastBusyInstanceGetsTheNextRequest() {
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        backend("slow", "127.0.0.2", held::add);
        backend("b", "127.0.0.3");
        gateway.publish(shop(running("127.0.0.2"), running("127.0.0.3")));
        Future<Client.Answer> pending = client.async(HttpMethod.GET, "shop.fra0.kraft.host", "/");
        Harness.awaitTrue(() -> held.size() + backends.get(1).seen.size() == 1, "first request arrived");
        boolean slowHasIt = held.size() == 1;
        for (int i = 0; i < 5; i++) {
            assertThat(client.get("shop.fra0.kraft.host", "/").json().getString("name"))
                    .isEqualTo(slowHasIt ? "b" : "b");
        }
        held.forEach(r -> r.response().end("done"));
        await(pending);
    }

    @Test
    void forwardedHeadersAreSetAndHopByHopHeadersRemoved() {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Connection", "keep-alive, X-Secret")
                .add("X-Secret", "hop").add("Keep-Alive", "timeout=5").add("TE", "trailers")
                .add("Proxy-Authorization", "Basic x").add("X-Forwarded-For", "10.9.8.7")
                .add("X-Forwarded-Proto", "gopher").add("X-App", "kept");
        Client.Answer answer = client.send(HttpMethod.GET, "shop.fra0.kraft.host", "/", headers, null);
        var seen = answer.json().getJsonObject("headers");
        assertThat(seen.fieldNames()).doesNotContain("x-secret", "keep-alive", "te", "proxy-authorization");
        assertThat(seen.getString("connection")).isNotEqualTo("keep-alive, X-Secret");
        assertThat(seen.getString("x-app")).isEqualTo("kept");
        assertThat(seen.getString("x-forwarded-for")).isEqualTo("10.9.8.7, 127.0.0.1");
        assertThat(seen.getString("x-forwarded-proto")).isEqualTo("http");
        String sent = "shop.fra0.kraft.host:" + gateway.port(80);
        assertThat(seen.getString("x-forwarded-host")).isEqualTo(sent);
        assertThat(seen.getString("host")).isEqualTo(sent);
    }

    @Test
    void theBackendsStatusAndHeadersComeBackUnchanged() {
        backend("teapot", "127.0.0.2", request -> request.response().setStatusCode(418)
                .setStatusMessage("I'm a teapot").putHeader("X-Brew", "earl grey")
                .putHeader("Set-Cookie", (Iterable<String>) List.of("a=1", "b=2")).putHeader("Connection", "X-Drop")
                .putHeader("X-Drop", "hop").end("short and stout"));
        gateway.publish(shop(running("127.0.0.2")));
        Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
        assertThat(answer.status()).isEqualTo(418);
        assertThat(answer.headers().get("x-brew")).isEqualTo("earl grey");
        assertThat(answer.headers().getAll("set-cookie")).containsExactly("a=1", "b=2");
        assertThat(answer.headers().contains("x-drop")).isFalse();
        assertThat(answer.body()).isEqualTo("short and stout");
    }

    @Test
    void redirectOnPort80Answers308ToHttps() {
        gateway.publish(group("shop", List.of(redirect()), ConcurrencyLimits.DEFAULT));
        Client.Answer answer = client.get("Shop.fra0.kraft.host:10080", "/cart?id=7");
        assertThat(answer.status()).isEqualTo(308);
        assertThat(answer.headers().get("location")).isEqualTo("https://Shop.fra0.kraft.host/cart?id=7");
    }

    @Test
    void noRunningInstanceIs503() {
        gateway.publish(shop(), group("other", List.of(http(destination)), ConcurrencyLimits.DEFAULT,
                draining(running("127.0.0.2"))));
        assertThat(client.get("shop.fra0.kraft.host", "/").status()).isEqualTo(503);
    }

    @Test
    void aRefusingInstanceIsSkippedForAnother() {
        backend("b", "127.0.0.3");
        gateway.publish(shop(running("127.0.0.4"), running("127.0.0.3")));
        for (int i = 0; i < 6; i++) {
            Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.json().getString("name")).isEqualTo("b");
        }
    }

    @Test
    void whenEveryInstanceRefusesTheAnswerIs502() {
        gateway.publish(shop(running("127.0.0.4"), running("127.0.0.5")));
        Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
        assertThat(answer.status()).isEqualTo(502);
        assertThat(gateway.loads.current(gateway.table.get().route(80, "shop.fra0.kraft.host").targets().get(0)
                .instance())).isZero();
    }

    @Test
    void theHardLimitCapsInFlightRequestsPerInstance() {
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        backend("slow", "127.0.0.2", held::add);
        gateway.publish(group("shop", List.of(http(destination)), new ConcurrencyLimits(1, 1), running("127.0.0.2")));
        Future<Client.Answer> first = client.async(HttpMethod.GET, "shop.fra0.kraft.host", "/");
        Harness.awaitTrue(() -> held.size() == 1, "first request held");
        assertThat(client.get("shop.fra0.kraft.host", "/").status()).isEqualTo(503);
        held.get(0).response().end("done");
        assertThat(await(first).status()).isEqualTo(200);
    }

    @Test
    void aBackendClosingMidResponseIsNotPassedOffAsComplete() {
        backend("broken", "127.0.0.2", request -> {
            request.response().putHeader("content-length", "1000").write("only a little");
            gateway.vertx.setTimer(50, id -> request.connection().close());
        });
        gateway.publish(shop(running("127.0.0.2")));
        Throwable failure = catchThrowable(() -> client.get("shop.fra0.kraft.host", "/"));
        assertThat(failure).isNotNull();
    }

    @Test
    void earlyHintsOfTheBackendAreNotTakenForItsAnswer() {
        backend("hints", "127.0.0.2", request -> request.response()
                .writeEarlyHints(MultiMap.caseInsensitiveMultiMap().add("link", "</app.css>; rel=preload"))
                .onComplete(v -> request.response().end("final")));
        gateway.publish(shop(running("127.0.0.2")));
        for (int i = 0; i < 3; i++) {
            Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("final");
        }
    }

    @Test
    void aBackendClosingAfterEachAnswerIsConnectedAnewForTheNext() {
        backend("once", "127.0.0.2", request -> request.response().putHeader("connection", "close").end("once"));
        gateway.publish(shop(running("127.0.0.2")));
        for (int i = 0; i < 5; i++) {
            Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("once");
            assertThat(answer.headers().get("connection")).as("hop-by-hop, not passed on").isNotEqualTo("close");
        }
    }

    @Test
    void anAnswerBeforeTheUploadEndedIsPassedOnAndTheNextRequestIsServed() {
        backend("early", "127.0.0.2", request -> {
            if (request.method() == HttpMethod.POST) {
                request.response().setStatusCode(413).end("too large");
            } else {
                request.response().end("fine");
            }
        });
        gateway.publish(shop(running("127.0.0.2")));
        Client.Answer refused = client.send(HttpMethod.POST, "shop.fra0.kraft.host", "/upload",
                MultiMap.caseInsensitiveMultiMap(), Buffer.buffer(new byte[4 * 1024 * 1024]));
        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.body()).isEqualTo("too large");
        assertThat(client.get("shop.fra0.kraft.host", "/").body()).isEqualTo("fine");
    }

    @Test
    void aMalformedAnswerIs502() {
        var garbage = await(gateway.vertx.createNetServer().connectHandler(socket -> socket.handler(data ->
                socket.end(Buffer.buffer("this is not HTTP\r\n\r\n")))).listen(destination, "127.0.0.2"));
        try {
            gateway.publish(shop(running("127.0.0.2")));
            assertThat(client.get("shop.fra0.kraft.host", "/").status()).isEqualTo(502);
        } finally {
            await(garbage.close());
        }
    }

    @Test
    void aTenMegabyteResponseIsStreamedWhole() {
        int size = 10 * 1024 * 1024;
        backend("big", "127.0.0.2", request -> {
            var response = request.response().setChunked(true);
            Buffer chunk = Buffer.buffer(new byte[64 * 1024]);
            for (int sent = 0; sent < size; sent += chunk.length()) {
                response.write(chunk);
            }
            response.end();
        });
        gateway.publish(shop(running("127.0.0.2")));
        Client.Answer answer = client.get("shop.fra0.kraft.host", "/big");
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().length()).isEqualTo(size);
    }

    @Test
    void aOneGibibyteUploadPassesInBoundedMemory() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        long size = 1024L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", gateway.port(80))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nContent-Length: " + size
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] block = new byte[256 * 1024];
            for (long sent = 0; sent < size; sent += block.length) {
                out.write(block);
            }
            out.flush();
            String head = readHead(socket.getInputStream());
            assertThat(head).startsWith("HTTP/1.1 200");
        }
        assertThat(backends.get(0).seen.get(0).getLong("body_bytes")).isEqualTo(size);
        assertThat(Runtime.getRuntime().maxMemory()).as("the module's tests run with a heap far below 1 GiB")
                .isLessThan(512L * 1024 * 1024);
    }

    @Test
    void aClientAbortingMidUploadResetsTheBackendRequestAndFreesTheInstance() throws Exception {
        AtomicReference<String> outcome = new AtomicReference<>();
        AtomicBoolean receiving = new AtomicBoolean();
        backend("a", "127.0.0.2", request -> {
            request.handler(chunk -> receiving.set(true));
            request.endHandler(v -> outcome.set("complete"));
            request.exceptionHandler(e -> outcome.compareAndSet(null, "aborted"));
            request.connection().closeHandler(v -> outcome.compareAndSet(null, "aborted"));
        });
        RoutableGroup shop = shop(running("127.0.0.2"));
        gateway.publish(shop);
        try (Socket socket = new Socket("127.0.0.1", gateway.port(80))) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /upload HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nContent-Length: 10000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[100_000]);
            out.flush();
            // mid-upload: the backend is receiving the body (a client leaving before that sends the backend nothing)
            Harness.awaitTrue(receiving::get, "the backend receives the body");
            assertThat(gateway.loads.current(shop.backends().get(0).instance())).isEqualTo(1);
        }
        Harness.awaitTrue(() -> outcome.get() != null, "backend saw the end");
        assertThat(outcome.get()).isEqualTo("aborted");
        Harness.awaitTrue(() -> gateway.loads.current(shop.backends().get(0).instance()) == 0, "load released");
    }

    @Test
    void webSocketUpgradesArePassedThrough() {
        var server = await(gateway.vertx.createHttpServer().webSocketHandler(socket ->
                socket.textMessageHandler(text -> socket.writeTextMessage("echo: " + text))).listen(destination,
                "127.0.0.2"));
        try {
            gateway.publish(shop(running("127.0.0.2")));
            Promise<String> reply = Promise.promise();
            var webSockets = gateway.vertx.createWebSocketClient();
            var socket = await(webSockets.connect(new WebSocketConnectOptions().setHost("127.0.0.1")
                    .setPort(gateway.port(80)).setURI("/chat").addHeader("Host", "shop.fra0.kraft.host")));
            socket.textMessageHandler(reply::tryComplete);
            socket.writeTextMessage("hello");
            assertThat(await(reply.future())).isEqualTo("echo: hello");
            await(socket.close());
        } finally {
            await(server.close());
        }
    }

    @Test
    void aThousandConcurrentKeepAliveClientsAreAllServed() {
        backend("a", "127.0.0.2");
        backend("b", "127.0.0.3");
        gateway.publish(shop(running("127.0.0.2"), running("127.0.0.3")));
        List<Future<Integer>> answers = new ArrayList<>();
        for (int round = 0; round < 2; round++) {
            for (int i = 0; i < 1000; i++) {
                answers.add(client.async(HttpMethod.GET, "shop.fra0.kraft.host", "/" + i).map(Client.Answer::status));
            }
            await(Future.join(new ArrayList<>(answers)));
        }
        assertThat(answers).allSatisfy(f -> assertThat(f.result()).isEqualTo(200));
        assertThat(backends.get(0).seen.size() + backends.get(1).seen.size()).isEqualTo(2000);
    }

    @Test
    void sixtyFourKeepAliveConnectionsMakingTwoHundredRequestsEachAreAllAnswered() {
        backend("a", "127.0.0.2");
        backend("b", "127.0.0.3");
        gateway.publish(shop(running("127.0.0.2"), running("127.0.0.3")));
        Client pooled = new Client(gateway.vertx, gateway.port(80), false, HttpVersion.HTTP_1_1);
        List<Future<Integer>> loops = new ArrayList<>();
        for (int connection = 0; connection < 64; connection++) {
            loops.add(sequential(pooled, 200));
        }
        await(Future.all(new ArrayList<>(loops)), 120);
        assertThat(loops).allSatisfy(loop -> assertThat(loop.result()).isEqualTo(200));
        assertThat(backends.get(0).seen.size() + backends.get(1).seen.size()).isEqualTo(64 * 200);
    }

    /** {@code count} requests one after the other; answers how many were 200. */
    static Future<Integer> sequential(Client client, int count) {
        Future<Integer> chain = Future.succeededFuture(0);
        for (int i = 0; i < count; i++) {
            chain = chain.compose(ok -> client.async(HttpMethod.GET, "shop.fra0.kraft.host", "/")
                    .map(answer -> ok + (answer.status() == 200 ? 1 : 0)));
        }
        return chain;
    }

    @Test
    void aDrainingInstanceFinishesItsRequestGetsNoNewOnesAndStopsWhenIdle() {
        List<HttpServerRequest> held = new CopyOnWriteArrayList<>();
        backend("slow", "127.0.0.2", held::add);
        backend("b", "127.0.0.3");
        RoutableGroup.Backend slow = running("127.0.0.2");
        RoutableGroup.Backend other = running("127.0.0.3");
        RoutableGroup shop = shop(slow, other);
        gateway.publish(shop);
        Future<String> inFlight = null;
        for (int i = 0; i < 2 && held.isEmpty(); i++) {
            inFlight = client.async(HttpMethod.GET, "shop.fra0.kraft.host", "/slow")
                    .map(answer -> answer.status() + " " + answer.body());
            Harness.awaitTrue(() -> !held.isEmpty() || !backends.get(1).seen.isEmpty(), "request arrived");
            if (held.isEmpty()) {
                await(inFlight);
                backends.get(1).seen.clear();
            }
        }
        assertThat(held).hasSize(1);
        gateway.publish(new RoutableGroup(shop.uuid(), shop.fqdn(), shop.services(), shop.limits(),
                List.of(draining(slow), other)));
        for (int i = 0; i < 4; i++) {
            assertThat(client.get("shop.fra0.kraft.host", "/").json().getString("name")).isEqualTo("b");
        }
        assertThat(gateway.stopped).doesNotContain(slow.instance());
        held.get(0).response().end("finished");
        assertThat(await(inFlight)).isEqualTo("200 finished");
        Harness.awaitTrue(() -> gateway.stopped.contains(slow.instance()), "stopped when idle");
    }

    @Test
    void aDrainingInstanceWithNothingOpenStopsAtOnce() {
        backend("a", "127.0.0.2");
        RoutableGroup.Backend idle = running("127.0.0.2");
        RoutableGroup shop = shop(idle);
        gateway.publish(shop);
        gateway.publish(new RoutableGroup(shop.uuid(), shop.fqdn(), shop.services(), shop.limits(),
                List.of(draining(idle))));
        Harness.awaitTrue(() -> gateway.stopped.contains(idle.instance()), "stopped");
    }

    @Test
    void aPortClosesWhenTheLastGroupStopsPublishingIt() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        assertThat(gateway.listeners.open()).containsExactly(80);
        gateway.publish();
        assertThat(gateway.listeners.open()).isEmpty();
        Harness.awaitTrue(() -> catchThrowable(() -> new Socket("127.0.0.1", gateway.port(80)).close())
                instanceof java.net.ConnectException, "connections refused");
    }

    @Test
    void aPortThatCannotBeBoundIsRetriedUntilItIsFree() throws Exception {
        backend("a", "127.0.0.2");
        java.net.ServerSocket blocker = new java.net.ServerSocket(gateway.port(80), 50,
                java.net.InetAddress.getByName("127.0.0.1"));
        RoutableGroup shop = shop(running("127.0.0.2"));
        long before = gateway.table.get().version();
        Thread publisher = new Thread(() -> gateway.publish(shop));
        publisher.start();
        Harness.awaitTrue(() -> gateway.table.get().version() > before, "routed");
        Thread.sleep(500);
        assertThat(gateway.listeners.open()).isEmpty();
        blocker.close();
        publisher.join(15_000);
        assertThat(gateway.listeners.open()).containsExactly(80);
        assertThat(client.get("shop.fra0.kraft.host", "/").status()).isEqualTo(200);
    }

    /** Writes {@code request} on a raw socket and reads until the gateway closes the connection. */
    private String exchangeRaw(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gateway.port(80))) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheirOrder() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answers = exchangeRaw("GET /first HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\n\r\n"
                + "POST /second HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /third HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nConnection: close\r\n\r\n");
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(4);
        assertThat(answers.indexOf("/first")).isLessThan(answers.indexOf("/second"));
        assertThat(answers.indexOf("/second")).isLessThan(answers.indexOf("/third"));
        assertThat(backends.get(0).seen).extracting(seen -> seen.getLong("body_bytes")).containsExactly(0L, 5L, 0L);
    }

    @Test
    void aPipelinedRequestForAnotherHostIsAnsweredAfterTheOneBeforeIt() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answers = exchangeRaw("GET /first HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\n\r\n"
                + "GET /second HTTP/1.1\r\nHost: nowhere.fra0.kraft.host\r\nConnection: close\r\n\r\n");
        assertThat(answers.indexOf("HTTP/1.1 200")).isNotNegative()
                .isLessThan(answers.indexOf("HTTP/1.1 404"));
    }

    @Test
    void nothingPipelinedAfterAConnectionCloseIsServed() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answers = exchangeRaw("GET /last HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nConnection: close\r\n\r\n"
                + "DELETE /never HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\n\r\n");
        assertThat(answers.split("HTTP/1.1 ", -1)).hasSize(2);
        Thread.sleep(200);
        assertThat(backends.get(0).seen).extracting(seen -> seen.getString("uri")).containsExactly("/last");
    }

    @Test
    void aMalformedChunkedBodyNeverReachesTheBackendAsARequest() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answer = exchangeRaw("POST /up HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nTransfer-Encoding: chunked"
                + "\r\n\r\n5\r\nhello\r\nnot-a-size\r\n\r\n");
        assertThat(answer).doesNotStartWith("HTTP/1.1 2");
        Thread.sleep(200);
        assertThat(backends.get(0).seen).isEmpty();
    }

    @Test
    void aGetOnAKeptAliveConnectionTheBackendHadClosedIsSentOnceMoreOnANewOne() {
        Map<Object, Integer> requestsPerConnection = new java.util.concurrent.ConcurrentHashMap<>();
        backend("closer", "127.0.0.2", request -> {
            if (requestsPerConnection.merge(request.connection(), 1, Integer::sum) > 1) {
                request.connection().close(); // as if its keep-alive timeout had just passed
            } else {
                request.response().end("fresh");
            }
        });
        gateway.publish(shop(running("127.0.0.2")));
        for (int i = 0; i < 4; i++) {
            Client.Answer answer = client.get("shop.fra0.kraft.host", "/");
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("fresh");
        }
        Client.Answer post = client.send(HttpMethod.POST, "shop.fra0.kraft.host", "/",
                MultiMap.caseInsensitiveMultiMap(), null);
        assertThat(post.status()).as("a POST is never sent twice").isEqualTo(502);
    }

    @Test
    void anHttp10ClientGetsAnHttp10AnswerEndedByTheClose() throws Exception {
        backend("chunky", "127.0.0.2", request -> request.response().setChunked(true).write("part one, ")
                .compose(v -> request.response().end("part two")));
        gateway.publish(shop(running("127.0.0.2")));
        String answer = exchangeRaw("GET / HTTP/1.0\r\nHost: shop.fra0.kraft.host\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.0 200").doesNotContainIgnoringCase("transfer-encoding")
                .endsWith("\r\n\r\npart one, part two");
    }

    @Test
    void aChunkedUploadReachesTheBackendWhole() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answer = exchangeRaw("POST /up HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nTransfer-Encoding: chunked"
                + "\r\nConnection: close\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close");
        assertThat(backends.get(0).seen.get(0).getLong("body_bytes")).isEqualTo(11);
    }

    @Test
    void aHeadRequestGetsTheHeadersWithoutABody() throws Exception {
        backend("a", "127.0.0.2");
        gateway.publish(shop(running("127.0.0.2")));
        String answer = exchangeRaw("HEAD / HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\n\r\n"
                + "GET /after HTTP/1.1\r\nHost: shop.fra0.kraft.host\r\nConnection: close\r\n\r\n");
        String[] parts = answer.split("HTTP/1.1 200", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).endsWith("\r\n\r\n"); // no body after the HEAD answer's headers
        assertThat(parts[2]).contains("/after");
    }

    private static String readHead(InputStream in) throws Exception {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
