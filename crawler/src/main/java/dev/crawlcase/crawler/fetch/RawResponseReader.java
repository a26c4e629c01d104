package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;

import java.nio.ByteBuffer;

/**
 * HTTP/1.1 for the raw-socket fetchers, without a socket: Netty's client codec runs in an {@link EmbeddedChannel}
 * that the caller feeds with the bytes it read and drains of the bytes to write. The parser is Netty's (the same
 * decoder Vert.x uses, so the same bytes fail the same way: chunked bodies, read-to-close bodies, broken status
 * lines), with {@link SplitFramingCheck} in front of it and {@link Framing} on the head, as in the async fetcher;
 * the decisions after the head (body wanted or not, the cap, gzip) are {@link ResponseHead}'s, shared by every
 * fetcher. One reader per request, used by one thread.
 */
final class RawResponseReader {
    // Vert.x's HttpClientOptions defaults, so the raw modes refuse the same oversized heads as async mode
    private static final int MAX_INITIAL_LINE = 4096;
    private static final int MAX_HEADER_SIZE = 8192;
    private static final int MAX_CHUNK_SIZE = 8192;

    private final FetchTask task;
    private final FetchLimits limits;
    private final EmbeddedChannel channel = new EmbeddedChannel(new SplitFramingCheck(),
            new HttpClientCodec(MAX_INITIAL_LINE, MAX_HEADER_SIZE, MAX_CHUNK_SIZE));
    private ResponseHead head;
    private CappedBody body;
    private int cap;

    RawResponseReader(FetchTask task, FetchLimits limits) {
        this.task = task;
        this.limits = limits;
    }

    /** The request's bytes: GET {@code target} with Host and User-Agent; one request per connection. */
    ByteBuffer request(String target, String host) {
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target);
        request.headers().set(HttpHeaderNames.HOST, host)
                .set(HttpHeaderNames.USER_AGENT, limits.userAgent())
                .set(HttpHeaderNames.CONNECTION, "close");
        channel.writeOutbound(request);
        ByteBuf all = Unpooled.buffer();
        for (ByteBuf part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
            all.writeBytes(part);
            part.release();
        }
        ByteBuffer bytes = ByteBuffer.allocate(all.readableBytes());
        all.readBytes(bytes);
        all.release();
        return bytes.flip();
    }

    boolean headReceived() {
        return head != null;
    }

    /** Takes the bytes read from the socket; the result once the response is complete or refused, else null. */
    FetchResult feed(ByteBuffer bytes, long elapsedMs) {
        try {
            channel.writeInbound(Unpooled.copiedBuffer(bytes));
        } catch (RuntimeException e) {
            return FetchResult.failure(FetchErrors.classify(e, head != null), elapsedMs);
        }
        FetchResult result = drain(elapsedMs);
        if (result == null && !channel.isOpen()) {
            // the framing check closed the channel: a head with both Content-Length and Transfer-Encoding
            return FetchResult.failure(ErrorKind.PROTOCOL, elapsedMs);
        }
        return result;
    }

    /**
     * The server closed the connection: a body read to the close is complete; a close before the head is a
     * protocol error (an empty response), a close inside a framed body a truncated one (the async fetcher's rule).
     */
    FetchResult eof(long elapsedMs) {
        channel.close();
        FetchResult result = drain(elapsedMs);
        if (result != null) {
            return result;
        }
        return FetchResult.failure(head == null ? ErrorKind.PROTOCOL : ErrorKind.TRUNCATED_BODY, elapsedMs);
    }

    /** Frees what the codec still holds. */
    void release() {
        channel.finishAndReleaseAll();
    }

    private FetchResult drain(long elapsedMs) {
        for (Object msg = channel.readInbound(); msg != null; msg = channel.readInbound()) {
            try {
                FetchResult result = take((HttpObject) msg, elapsedMs);
                if (result != null) {
                    return result;
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        return null;
    }

    private FetchResult take(HttpObject msg, long elapsedMs) {
        if (msg.decoderResult().isFailure()) {
            return FetchResult.failure(ErrorKind.PROTOCOL, elapsedMs);
        }
        if (msg instanceof HttpResponse response) {
            int status = response.status().code();
            if (status >= 100 && status < 200) {
                return null;  // an interim head (100 Continue): the final one follows
            }
            if (!Framing.valid(response.headers().getAll("Content-Length"),
                    response.headers().getAll("Transfer-Encoding"))) {
                return FetchResult.failure(ErrorKind.PROTOCOL, elapsedMs);
            }
            head = ResponseHead.of(status, response.headers()::get, ResponseHeaders.lines(response.headers()),
                    ResponseProtocol.of(response.protocolVersion()), System.currentTimeMillis());
            cap = head.hasNoBody() ? -1 : head.bodyCap(task.kind(), limits);
            if (cap < 0) {
                return head.withoutBody(elapsedMs);
            }
            body = new CappedBody(cap);
        }
        if (msg instanceof HttpContent content && body != null) {
            if (!body.add(content.content().nioBuffer())) {
                return head.withBody(body.bytes(), true, cap, elapsedMs);
            }
            if (msg instanceof LastHttpContent) {
                return head.withBody(body.bytes(), false, cap, elapsedMs);
            }
        }
        return null;
    }
}
