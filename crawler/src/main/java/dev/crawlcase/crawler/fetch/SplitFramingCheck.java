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
 * The raw head of every response, before Netty's decoder sees it, for the two rules of {@link Framing} that the
 * Vert.x client cannot keep on the parsed response. The handler sits in front of the decoder on each connection and
 * reads the bytes after a request was written, up to the blank line (pipelining is off, so no other response can be
 * in between).
 * <ul>
 * <li>Content-Length with Transfer-Encoding: Netty's decoder drops the Content-Length of a chunked response before
 * Vert.x gets the head, so a head carrying both closes the connection here, and the request fails as a
 * {@code protocol} error, as in the JDK client.</li>
 * <li>A head line ended by a bare LF: RFC 9112 section 2.2 lets a recipient take a lone LF as a line end, the JDK
 * client does, and so do browsers and curl; Netty's decoder (strict line parsing, its default since 4.2, which
 * Vert.x's options do not expose) refuses it. The JDK client shows no raw bytes, so it cannot be made to refuse
 * them; this handler gives the decoder a CR before each bare LF of the head instead, so every mode reads such a head
 * alike (the body after the head passes as it came). The Content-Length check above reads the mended head, so a
 * bare LF cannot slip a second framing header past it.</li>
 * </ul>
 * Uses Vert.x's connection internals (the Netty pipeline), the only way in; {@code FramingContractTest} fails if a
 * Vert.x upgrade breaks it.
 */
final class SplitFramingCheck extends ChannelDuplexHandler {
    private static final String CODEC = "codec";
    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final StringBuilder head = new StringBuilder();
    private boolean readingHead;
    /** Whether the head's last byte so far was a CR (a CRLF may be split between two reads). */
    private boolean lastWasCr;

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
        lastWasCr = false;
        super.write(ctx, msg, promise);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (!readingHead || !(msg instanceof ByteBuf bytes)) {
            super.channelRead(ctx, msg);
            return;
        }
        // the head's bytes as the decoder gets them (bare LFs ended with a CR); null while none needed one
        ByteBuf mended = null;
        int from = bytes.readerIndex();
        int end = bytes.writerIndex();
        int i = from;
        while (i < end && readingHead) {
            byte b = bytes.getByte(i++);
            if (b == '\n' && !lastWasCr) {
                if (mended == null) {
                    mended = ctx.alloc().buffer(end - from + 16);
                    mended.writeBytes(bytes, from, i - 1 - from);
                }
                mended.writeByte('\r');
                head.append('\r');
            }
            if (mended != null) {
                mended.writeByte(b);
            }
            head.append((char) (b & 0xff));
            lastWasCr = b == '\r';
            if (b == '\n' && endsWithBlankLine() || head.length() >= MAX_HEAD_BYTES) {
                String lines = head.toString().toLowerCase(Locale.ROOT);
                readingHead = lines.startsWith("http/1.1 1");  // an interim 1xx head: the final one follows
                head.setLength(0);
                if (lines.contains("\ncontent-length:") && lines.contains("\ntransfer-encoding:")) {
                    ReferenceCountUtil.release(msg);
                    if (mended != null) {
                        mended.release();
                    }
                    ctx.close();
                    return;
                }
            }
        }
        if (mended == null) {
            super.channelRead(ctx, msg);
            return;
        }
        mended.writeBytes(bytes, i, end - i);  // the body after the head, as it came
        ReferenceCountUtil.release(msg);
        super.channelRead(ctx, mended);
    }

    private boolean endsWithBlankLine() {
        int n = head.length();
        return n >= 4 && head.charAt(n - 4) == '\r' && head.charAt(n - 3) == '\n' && head.charAt(n - 2) == '\r'
                && head.charAt(n - 1) == '\n';
    }
}
