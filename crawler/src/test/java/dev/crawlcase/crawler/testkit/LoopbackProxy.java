package dev.crawlcase.crawler.testkit;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP proxy on 127.0.0.1 for the crawler's {@code fetch.proxy}: plain requests arrive in absolute form and
 * are forwarded; {@code CONNECT} opens a byte tunnel (TLS stays between crawler and site). It goes to loopback
 * targets only and counts what it did, so a test can check that the crawl really went through it. Runs on the
 * test's Vert.x instance (closed with it).
 */
public final class LoopbackProxy {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "proxy-connection", "keep-alive", "te",
            "trailer", "transfer-encoding", "upgrade", "proxy-authorization", "host");

    private final HttpServer server;
    private final HttpClient client;
    private final NetClient tunnels;
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong connects = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();

    private LoopbackProxy(Vertx vertx) {
        this.client = vertx.createHttpClient();
        this.tunnels = vertx.createNetClient();
        this.server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(this::handle);
    }

    /** Starts a proxy on an ephemeral loopback port. */
    public static LoopbackProxy start(Vertx vertx) {
        LoopbackProxy proxy = new LoopbackProxy(vertx);
        proxy.server.listen().toCompletionStage().toCompletableFuture().join();
        return proxy;
    }

    /** {@code http://127.0.0.1:port}, as {@code fetch.proxy} takes it. */
    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** Plain requests forwarded to a site (each answered with the site's response). */
    public long forwarded() {
        return forwarded.get();
    }

    /** CONNECT tunnels opened. */
    public long connects() {
        return connects.get();
    }

    /** Requests refused: a target off loopback, or a request that was neither absolute-form nor CONNECT. */
    public long refused() {
        return refused.get();
    }

    private void handle(HttpServerRequest request) {
        if (request.method() == HttpMethod.CONNECT) {
            tunnel(request);
            return;
        }
        URI target = URI.create(request.uri());
        if (!target.isAbsolute() || !loopback(target.getHost())) {
            refused.incrementAndGet();
            request.response().setStatusCode(403).end();
            return;
        }
        forwarded.incrementAndGet();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(h.getKey(), h.getValue());
            }
        });
        client.request(new RequestOptions().setMethod(request.method()).setAbsoluteURI(request.uri())
                        .setHeaders(headers))
                .compose(out -> out.send().compose(response -> relay(request, response)))
                .onFailure(e -> {
                    if (!request.response().headWritten()) {
                        request.response().setStatusCode(502).end();
                    } else {
                        request.connection().close();
                    }
                });
    }

    private static Future<Void> relay(HttpServerRequest request, HttpClientResponse response) {
        var out = request.response().setStatusCode(response.statusCode());
        response.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase(Locale.ROOT))) {
                out.headers().add(h.getKey(), h.getValue());
            }
        });
        if (response.getHeader("Content-Length") == null) {
            out.setChunked(true);
        }
        return response.pipeTo(out);
    }

    private void tunnel(HttpServerRequest request) {
        String authority = request.uri();
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        if (colon < 0 || !loopback(host)) {
            refused.incrementAndGet();
            request.response().setStatusCode(403).end();
            return;
        }
        connects.incrementAndGet();
        int port = Integer.parseInt(authority.substring(colon + 1));
        tunnels.connect(port, host).onComplete(site -> {
            if (site.failed()) {
                request.response().setStatusCode(502).end();
                return;
            }
            request.toNetSocket().onSuccess(crawler -> splice(crawler, site.result()))
                    .onFailure(e -> site.result().close());
        });
    }

    private static void splice(NetSocket a, NetSocket b) {
        a.pipeTo(b);
        b.pipeTo(a);
    }

    private static boolean loopback(String host) {
        return host != null && (host.startsWith("127.") || host.equals("[::1]") || host.equals("::1")
                || host.equalsIgnoreCase("localhost"));
    }
}
