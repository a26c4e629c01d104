package dev.crawlcase.crawler.fetch;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.util.List;

/**
 * The servers the fetcher contract tests talk to, all on 127.0.0.1 port 0: an HTTP server with one route per
 * behaviour ({@link HttpScenarios}), a raw TCP server that answers garbage or broken HTTP, a raw server that resets
 * every connection (SO_LINGER 0), and a port nobody listens on.
 */
final class ScenarioServers {

    private final HttpServer http;
    private final NetServer raw;
    private final NetServer resetting;
    private final int refusedPort;

    private ScenarioServers(HttpServer http, NetServer raw, NetServer resetting, int refusedPort) {
        this.http = http;
        this.raw = raw;
        this.resetting = resetting;
        this.refusedPort = refusedPort;
    }

    static Future<ScenarioServers> start(Vertx vertx) {
        HttpScenarios scenarios = new HttpScenarios(vertx);
        Future<HttpServer> http = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(scenarios::handle).listen(0);
        Future<NetServer> raw = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1"))
                .connectHandler(ScenarioServers::rawResponse).listen(0);
        Future<NetServer> resetting = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setSoLinger(0))
                .connectHandler(socket -> socket.handler(data -> socket.close())).listen(0);
        Future<Integer> refused = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1"))
                .connectHandler(NetSocket::close).listen(0)
                .compose(server -> server.close().map(v -> server.actualPort()));
        Future<Void> encoded = vertx.executeBlocking(() -> {
            HttpScenarios.encodeAll();
            return null;
        }, false);
        return Future.all(List.of(http, raw, resetting, refused, encoded)).map(all ->
                new ScenarioServers(http.result(), raw.result(), resetting.result(), refused.result()));
    }

    String url(String path) {
        return "http://127.0.0.1:" + http.actualPort() + path;
    }

    String rawUrl(String path) {
        return "http://127.0.0.1:" + raw.actualPort() + path;
    }

    String resetUrl() {
        return "http://127.0.0.1:" + resetting.actualPort() + "/reset";
    }

    String refusedUrl() {
        return "http://127.0.0.1:" + refusedPort + "/refused";
    }

    Future<Void> close() {
        return Future.all(http.close(), raw.close(), resetting.close()).mapEmpty();
    }

    /** Raw answers chosen by the request line: garbage, a malformed chunk, a cut chunk, or nothing at all. */
    private static void rawResponse(NetSocket socket) {
        socket.handler(data -> {
            String request = data.toString();
            if (request.startsWith("GET /garbage")) {
                socket.write("SSH-2.0-OpenSSH_9.6 definitely not http\r\n\r\n").onComplete(ar -> socket.close());
            } else if (request.startsWith("GET /bad-chunk")) {
                socket.write(chunkedHead() + "ZZZ\r\nhello\r\n");
            } else if (request.startsWith("GET /cut-chunk")) {
                socket.write(chunkedHead() + "400\r\nhello").onComplete(ar -> socket.close());
            } else {
                socket.close();
            }
        });
    }

    private static String chunkedHead() {
        return "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n";
    }

    static Buffer bytes(int count, char fill) {
        return Buffer.buffer(String.valueOf(fill).repeat(count));
    }
}
