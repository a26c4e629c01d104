package dev.crawlcase.crawler.fetch;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.util.ReferenceCountUtil;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.net.impl.ConnectionBase;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * {@link Framing}'s Content-Length-with-Transfer-Encoding case for the Vert.x client, which cannot see it on the
 * response: Netty's decoder drops the Content-Length of a chunked response before Vert.x gets the head. So this
 * handler sits in front of the decoder on each connection and reads the raw head of every response (the bytes after
 * a request was written, up to the blank line; pipelining is off, so no other response can be in between). A head
 * carrying both header fields closes the connection before the decoder sees it, and the request fails as a
 * {@code protocol} error, as in the JDK client. Uses Vert.x's connection internals (the Netty pipeline), the only
 * way in; the contract test in {@code FramingContractTest} fails if a Vert.x upgrade breaks it.
 */
final class SplitFramingCheck extends ChannelDuplexHandler {
    private static final String CODEC = "codec";
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final StringBuilder head = new StringBuilder();
    private boolean readingHead;

    /** A check to put in front of a pipeline's HTTP/1.1 decoder (also {@link RawResponseReader}'s). */
    SplitFramingCheck() {
    }

    /** Puts a check in front of the HTTP/1.1 decoder of {@code connection}. */
    static void install(HttpConnection connection) {
        if (connection instanceof ConnectionBase base) {
            ChannelPipeline pipeline = base.channelHandlerContext().pipeline();
            if (pipeline.get(CODEC) != null) {
                pipeline.addBefore(CODEC, "crawlcase-framing", new SplitFramingCheck());
            }
        }
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
        readingHead = true;
        head.setLength(0);
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (readingHead && msg instanceof ByteBuf bytes) {
            head.append(bytes.toString(bytes.readerIndex(), Math.min(bytes.readableBytes(), MAX_HEAD_BYTES),
                    StandardCharsets.ISO_8859_1));
            int end = head.indexOf("\r\n\r\n");
            if (end >= 0 || head.length() >= MAX_HEAD_BYTES) {
                String lines = head.substring(0, end >= 0 ? end : head.length()).toLowerCase(Locale.ROOT);
                readingHead = lines.startsWith("http/1.1 1");  // an interim 1xx head: the final one follows
                head.setLength(0);
                if (lines.contains("\ncontent-length:") && lines.contains("\ntransfer-encoding:")) {
                    ReferenceCountUtil.release(msg);
                    ctx.close();
                    return;
                }
            }
        }
        super.channelRead(ctx, msg);
    }
}
