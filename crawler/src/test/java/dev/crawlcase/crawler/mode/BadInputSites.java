package dev.crawlcase.crawler.mode;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Purpose-built misbehaving servers for the bad-input tests, each on 127.0.0.1 port 0 (unless a test needs a
 * fixed one), on a Vert.x instance of
 * their own (so a server can never be slowed by the crawl it serves); closing that instance closes them. Every HTTP
 * server counts requests per path, and answers {@code /robots.txt} with 404 (allow all) unless its handler says
 * otherwise.
 */
final class BadInputSites {
    private final Vertx vertx;

    BadInputSites(Vertx vertx) {
        this.vertx = vertx;
    }

    /** A running HTTP server: its base URL ({@code http://127.0.0.1:PORT}) and requests seen per path. */
    record Site(String base, Map<String, AtomicInteger> requests) {
        String url(String path) {
            return base + path;
        }

        int requests(String path) {
            AtomicInteger n = requests.get(path);
            return n == null ? 0 : n.get();
        }

        int totalRequests() {
            return requests.values().stream().mapToInt(AtomicInteger::get).sum();
        }
    }

    Site http(Handler<HttpServerRequest> handler) {
        return http(0, handler);
    }

    /** {@link #http(Handler)} on a given port; fails (a {@code CompletionException}) when the port is taken. */
    Site http(int port, Handler<HttpServerRequest> handler) {
        Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        HttpServer server = join(vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(request -> {
                    requests.computeIfAbsent(request.path(), p -> new AtomicInteger()).incrementAndGet();
                    handler.handle(request);
                }).listen(port));
        return new Site("http://127.0.0.1:" + server.actualPort(), requests);
    }

    /**
     * A raw TCP server: {@code /robots.txt} gets a real 404, every other request line goes to {@code answer}
     * (keep-alive connections may carry several requests).
     */
    String raw(Handler<NetSocket> answer) {
        NetServer server = join(vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1"))
                .connectHandler(socket -> socket.handler(data -> {
                    if (data.toString().startsWith("GET /robots.txt ")) {
                        socket.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    } else {
                        answer.handle(socket);
                    }
                })).listen(0));
        return "http://127.0.0.1:" + server.actualPort();
    }

    /** A loopback port that was just bound and released: connecting to it is refused. */
    int closedPort() {
        NetServer server = join(vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1"))
                .connectHandler(NetSocket::close).listen(0));
        int port = server.actualPort();
        join(server.close());
        return port;
    }

    static void notFound(HttpServerRequest request) {
        request.response().setStatusCode(404).end();
    }

    static void html(HttpServerRequest request, String body) {
        request.response().putHeader("Content-Type", "text/html; charset=UTF-8").end(body);
    }

    private static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }
}
