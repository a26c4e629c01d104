package dev.crawlcase.sites.hostile;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;

/** What a hostile server does with one request: the bytes it writes, and how it ends the connection. */
@FunctionalInterface
public interface Answer {
    void give(Vertx vertx, NetSocket socket);

    /** Writes {@code bytes} (ISO-8859-1, so any byte can be spelled) and closes the connection. */
    static Answer raw(String bytes) {
        Buffer buffer = Buffer.buffer(bytes.getBytes(StandardCharsets.ISO_8859_1));
        return (vertx, socket) -> socket.write(buffer).onComplete(ar -> socket.close());
    }

    /** A well-framed response with a body. */
    static Answer ok(String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return raw("HTTP/1.1 200 OK\r\nContent-Type: " + contentType + "\r\nContent-Length: " + bytes.length
                + "\r\nConnection: close\r\n\r\n" + new String(bytes, StandardCharsets.ISO_8859_1));
    }

    static Answer html(String body) {
        return ok("text/html; charset=UTF-8", body);
    }

    static Answer status(int status, String location) {
        return raw("HTTP/1.1 " + status + " Hostile\r\n" + (location == null ? "" : "Location: " + location + "\r\n")
                + "Content-Length: 0\r\nConnection: close\r\n\r\n");
    }

    /** Never answers: the connection stays open and silent until the client gives up. */
    static Answer silence() {
        return (vertx, socket) -> { };
    }

    /** The head, then one byte of a long body every {@code everyMs}, until the client hangs up (slowloris). */
    static Answer dribble(String head, long everyMs) {
        return (vertx, socket) -> {
            socket.write(head);
            long timer = vertx.setPeriodic(everyMs, id -> socket.write("x"));
            socket.closeHandler(v -> vertx.cancelTimer(timer));
        };
    }
}
