package dev.crawlcase.sites.server;

import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.impl.ConnectionBase;
import java.nio.charset.StandardCharsets;

/**
 * Acts out one fault on a request. Error statuses and truncation use the public HTTP API; a TCP reset
 * and a malformed chunk need the Netty channel under the connection (SO_LINGER 0 then close sends RST;
 * raw bytes written at the head of the pipeline bypass the HTTP encoder).
 */
final class FaultInjector {
    private final int retryAfterSeconds;

    FaultInjector(int retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Completes when the fault has been acted out; never completes for a hang. */
    Future<Void> inject(HttpServerRequest request, FaultKind fault, Reply normal) {
        HttpServerResponse response = request.response();
        return switch (fault) {
            case STATUS_500 -> status(response, 500);
            case STATUS_503 -> status(response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)), 503);
            case STATUS_429 -> status(response.putHeader(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds)), 429);
            case EMPTY -> request.connection().close();
            case HANG -> Future.succeededFuture();
            case RESET -> reset(request);
            case TRUNCATED -> truncated(request, normal);
            case MALFORMED_CHUNK -> malformedChunk(request);
        };
    }

    private static Future<Void> status(HttpServerResponse response, int status) {
        Reply error = Replies.error(status);
        BodyWriter.head(response, error);
        return response.end(Buffer.buffer(error.body()));
    }

    private static Future<Void> truncated(HttpServerRequest request, Reply normal) {
        HttpServerResponse response = request.response();
        BodyWriter.head(response, normal);
        int full = Math.max(normal.body().length, 2);
        response.putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(full));
        Buffer half = Buffer.buffer(normal.body()).slice(0, Math.min(normal.body().length, full / 2));
        return response.write(half).compose(written -> request.connection().close());
    }

    private static Future<Void> reset(HttpServerRequest request) {
        Channel channel = channel(request);
        channel.config().setOption(ChannelOption.SO_LINGER, 0);
        channel.close();
        return Future.succeededFuture();
    }

    private static Future<Void> malformedChunk(HttpServerRequest request) {
        byte[] raw = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "1a\r\n<!DOCTYPE html>\n<html><bod\r\n"
                + "zz-not-a-chunk-size\r\ngarbage\r\n").getBytes(StandardCharsets.US_ASCII);
        Channel channel = channel(request);
        channel.pipeline().firstContext().writeAndFlush(Unpooled.wrappedBuffer(raw)).addListener(ChannelFutureListener.CLOSE);
        return Future.succeededFuture();
    }

    private static Channel channel(HttpServerRequest request) {
        return ((ConnectionBase) request.connection()).channel();
    }
}
