package dev.crawlcase.crawler.fetch;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;
import java.util.concurrent.TimeoutException;

/**
 * Maps what the JDK client or Vert.x/Netty threw to an {@link ErrorKind}. Timeouts the fetchers enforce with their
 * own deadlines (first byte, total) are labelled by the fetchers, not here.
 */
final class FetchErrors {

    private FetchErrors() {
    }

    /**
     * @param headersReceived whether response headers had arrived: a close after them is a truncated body, a close
     *                        before them an empty (protocol-violating) response
     */
    static ErrorKind classify(Throwable error, boolean headersReceived) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            ErrorKind kind = direct(t, headersReceived);
            if (kind != null) {
                return kind;
            }
        }
        return ErrorKind.IO;
    }

    private static ErrorKind direct(Throwable t, boolean headersReceived) {
        String msg = t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
        String type = t.getClass().getName();
        if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException) {
            return ErrorKind.UNKNOWN_HOST;
        }
        if (t instanceof HttpConnectTimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                || t instanceof TimeoutException && !headersReceived) {
            return ErrorKind.TIMEOUT_CONNECT;
        }
        if (msg.contains("connection reset") || msg.contains("reset by peer")) {
            return ErrorKind.RESET;
        }
        if (t instanceof ConnectException) {
            return ErrorKind.REFUSED;
        }
        if (t instanceof ProtocolException || t instanceof io.netty.handler.codec.DecoderException
                || t instanceof NumberFormatException || msg.contains("chunk") || msg.contains("invalid")
                || msg.contains("status line") || type.endsWith("TooLongFrameException")) {
            return ErrorKind.PROTOCOL;
        }
        if (t instanceof EOFException || type.endsWith("HttpClosedException") || msg.contains("closed")
                || msg.contains("eof") || msg.contains("received no bytes")) {
            return headersReceived ? ErrorKind.TRUNCATED_BODY : ErrorKind.PROTOCOL;
        }
        return null;
    }
}
