package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.ContentCoding;
import dev.crawlcase.sites.model.Reply;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;

/**
 * Sends a reply, at full speed or dribbled: with a bandwidth cap, the body goes out in chunks of
 * {@code bandwidth * TICK_MS / 1000} bytes, each after a {@code TICK_MS} timer, so a body of N bytes
 * takes at least N / bandwidth seconds.
 */
final class BodyWriter {
    static final long TICK_MS = 50;

    private final Vertx vertx;
    private final long bandwidth;
    private final ContentCoding coding;
    private final Runnable encodedSent;

    BodyWriter(Vertx vertx, long bandwidth, ContentCoding coding, Runnable encodedSent) {
        this.vertx = vertx;
        this.bandwidth = bandwidth;
        this.coding = coding;
        this.encodedSent = encodedSent;
    }

    /**
     * Sends the reply in the world's content coding when the client accepts it (encoded on a worker thread, so a
     * large page never holds up the site's event loop), else as it is.
     */
    Future<Void> send(HttpServerResponse response, Reply reply, String acceptEncoding) {
        if (coding == ContentCoding.IDENTITY || reply.body().length == 0
                || !BodyEncoder.accepted(acceptEncoding, coding)) {
            return send(response, reply);
        }
        return vertx.executeBlocking(() -> BodyEncoder.encode(reply.body(), coding), false).compose(encoded -> {
            encodedSent.run();
            response.putHeader(HttpHeaders.CONTENT_ENCODING, coding.token()).putHeader(HttpHeaders.VARY, "Accept-Encoding");
            return send(response, new Reply(reply.status(), reply.contentType(), reply.location(), encoded, reply.robotsTag()));
        });
    }

    Future<Void> send(HttpServerResponse response, Reply reply) {
        head(response, reply);
        if (bandwidth <= 0 || reply.body().length == 0) {
            return response.end(Buffer.buffer(reply.body()));
        }
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(reply.body().length));
        int chunk = (int) Math.max(1, bandwidth * TICK_MS / 1000);
        return dribble(response, reply.body(), 0, chunk);
    }

    static void head(HttpServerResponse response, Reply reply) {
        response.setStatusCode(reply.status());
        if (reply.contentType() != null) {
            response.putHeader(HttpHeaders.CONTENT_TYPE, reply.contentType());
        }
        if (reply.location() != null) {
            response.putHeader(HttpHeaders.LOCATION, reply.location());
        }
        if (reply.robotsTag() != null) {
            response.putHeader("X-Robots-Tag", reply.robotsTag());
        }
    }

    private Future<Void> dribble(HttpServerResponse response, byte[] body, int from, int chunk) {
        return vertx.timer(TICK_MS).compose(fired -> {
            if (response.closed()) {
                return Future.failedFuture("client went away");
            }
            int to = Math.min(body.length, from + chunk);
            Buffer piece = Buffer.buffer(body).slice(from, to);
            return to == body.length ? response.end(piece)
                    : response.write(piece).compose(written -> dribble(response, body, to, chunk));
        });
    }
}
