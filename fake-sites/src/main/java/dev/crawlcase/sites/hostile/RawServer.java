package dev.crawlcase.sites.hostile;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One hostile case on 127.0.0.1, port 0: reads a request head, hands its path to the case and lets the case's
 * {@link Answer} write whatever it likes; one request per connection. Counts requests per path.
 */
final class RawServer {
    /** A request head longer than this is not a crawler's: the connection is dropped. */
    private static final int MAX_HEAD = 64 * 1024;

    private final NetServer server;
    private final Map<String, AtomicInteger> requests;

    private RawServer(NetServer server, Map<String, AtomicInteger> requests) {
        this.server = server;
        this.requests = requests;
    }

    static Future<RawServer> start(Vertx vertx, Function<String, Answer> answers) {
        Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
        NetServer server = vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1"));
        server.connectHandler(socket -> read(vertx, socket, answers, requests));
        return server.listen(0).map(s -> new RawServer(s, requests));
    }

    private static void read(Vertx vertx, NetSocket socket, Function<String, Answer> answers,
                             Map<String, AtomicInteger> requests) {
        Buffer head = Buffer.buffer();
        boolean[] answered = new boolean[1];
        socket.handler(data -> {
            if (answered[0]) {
                return;
            }
            head.appendBuffer(data);
            String text = head.toString(StandardCharsets.ISO_8859_1);
            if (!text.contains("\r\n\r\n")) {
                if (head.length() > MAX_HEAD) {
                    socket.close();
                }
                return;
            }
            answered[0] = true;
            String[] line = text.substring(0, text.indexOf("\r\n")).split(" ");
            String path = line.length > 1 ? line[1] : "";
            requests.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
            answers.apply(path).give(vertx, socket);
        });
    }

    String base() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    int requests(String path) {
        AtomicInteger n = requests.get(path);
        return n == null ? 0 : n.get();
    }

    Future<Void> close() {
        return server.close();
    }
}
