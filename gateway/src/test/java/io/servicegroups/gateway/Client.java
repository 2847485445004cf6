package io.servicegroups.gateway;

import static io.servicegroups.gateway.Backends.await;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import java.util.List;

/** Real clients of the gateway: Vert.x HTTP/1.1 and HTTP/2 (ALPN) with SNI, and raw TLS sockets. */
final class Client {
    record Answer(int status, MultiMap headers, String body, HttpVersion version) {
        JsonObject json() {
            try {
                return new JsonObject(body);
            } catch (RuntimeException e) {
                throw new AssertionError("not JSON (status " + status + "): " + body, e);
            }
        }
    }

    private final HttpClient http;
    private final int port;
    private final boolean tls;
    /** Every exchange runs on this one event loop, so a body is read in the same task as its head. */
    private final Context context;

    Client(Vertx vertx, int port, boolean tls, HttpVersion version) {
        this.context = vertx.getOrCreateContext();
        this.port = port;
        this.tls = tls;
        HttpClientOptions options = new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(1000)
                .setProtocolVersion(version);
        if (tls) {
            options.setSsl(true).setTrustAll(true).setVerifyHost(false).setForceSni(true).setUseAlpn(true)
                    .setAlpnVersions(List.of(version));
        }
        http = vertx.createHttpClient(options);
    }

    HttpClient raw() {
        return http;
    }

    RequestOptions options(HttpMethod method, String host, String uri) {
        int colon = host.lastIndexOf(':');
        String name = colon < 0 ? host : host.substring(0, colon);
        int authorityPort = colon < 0 ? port : Integer.parseInt(host.substring(colon + 1));
        return new RequestOptions().setServer(SocketAddress.inetSocketAddress(port, "127.0.0.1")).setHost(name)
                .setPort(authorityPort).setSsl(tls).setMethod(method).setURI(uri);
    }

    Answer get(String host, String uri) {
        return send(HttpMethod.GET, host, uri, MultiMap.caseInsensitiveMultiMap(), null);
    }

    Answer send(HttpMethod method, String host, String uri, MultiMap headers, Buffer body) {
        return await(async(method, host, uri, headers, body));
    }

    Future<Answer> async(HttpMethod method, String host, String uri) {
        return async(method, host, uri, MultiMap.caseInsensitiveMultiMap(), null);
    }

    /** One exchange, answered when its body has been read. */
    Future<Answer> async(HttpMethod method, String host, String uri, MultiMap headers, Buffer body) {
        Promise<Answer> answer = Promise.promise();
        context.runOnContext(v -> http.request(options(method, host, uri).setTimeout(60_000)).compose(request -> {
            request.headers().addAll(headers);
            return body == null ? request.send() : request.send(body);
        }).compose(response -> response.body().map(b -> new Answer(response.statusCode(), response.headers(),
                b.toString(), response.version()))).onComplete(answer));
        return answer.future();
    }

    /** A raw TLS socket to the gateway; {@code sni} null sends no server name. */
    static SSLSocket tlsSocket(int port, String sni) throws Exception {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {trustAll()}, null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setServerNames(sni == null ? List.of() : List.of(new SNIHostName(sni)));
        socket.setSSLParameters(parameters);
        socket.setSoTimeout(10_000);
        return socket;
    }

    static X509TrustManager trustAll() {
        return new X509TrustManager() {
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
            }

            public void checkServerTrusted(X509Certificate[] chain, String authType) {
            }

            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
    }
}
