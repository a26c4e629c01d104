package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.ProtocolException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Maps what the JDK client or Vert.x/Netty threw to an {@link ErrorKind}. Both clients wrap the root cause (the JDK
 * reports "header parser received no bytes" caused by "Connection reset"), so the whole cause chain is searched,
 * most specific kind first. Timeouts the fetchers enforce with their own deadlines (first byte, total) are labelled
 * by the fetchers, not here.
 */
final class FetchErrors {

    private FetchErrors() {
    }

    /**
     * @param headersReceived whether response headers had arrived: a close after them is a truncated body, a close
     *                        before them an empty (protocol-violating) response
     */
    static ErrorKind classify(Throwable error, boolean headersReceived) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = error; t != null && chain.size() < 16; t = t.getCause() == t ? null : t.getCause()) {
            chain.add(t);
        }
        if (any(chain, t -> message(t).contains("connection reset") || message(t).contains("reset by peer"))) {
            return ErrorKind.RESET;
        }
        if (!headersReceived && any(chain, t -> t instanceof CertificateException
                || t instanceof CertPathValidatorException || t instanceof CertPathBuilderException)) {
            return ErrorKind.TLS_CERTIFICATE;
        }
        if (!headersReceived && any(chain, FetchErrors::isHandshake)) {
            return ErrorKind.TLS_HANDSHAKE;
        }
        if (any(chain, t -> t instanceof UnknownHostException || t instanceof UnresolvedAddressException)) {
            return ErrorKind.UNKNOWN_HOST;
        }
        if (any(chain, t -> t instanceof HttpConnectTimeoutException || t instanceof io.netty.channel.ConnectTimeoutException
                || t instanceof TimeoutException && !headersReceived)) {
            return ErrorKind.TIMEOUT_CONNECT;
        }
        if (any(chain, t -> t instanceof ConnectException)) {
            return ErrorKind.REFUSED;
        }
        if (any(chain, FetchErrors::isClose)) {
            return headersReceived ? ErrorKind.TRUNCATED_BODY : ErrorKind.PROTOCOL;
        }
        if (any(chain, FetchErrors::isProtocol)) {
            return ErrorKind.PROTOCOL;
        }
        return ErrorKind.IO;
    }

    /**
     * A TLS session that never started: a failed handshake, or bytes that are not TLS (the JDK reports a plain
     * HTTP answer as an unrecognised SSL message, Netty as a record that is not SSL).
     */
    private static boolean isHandshake(Throwable t) {
        String msg = message(t);
        return t instanceof SSLHandshakeException || t.getClass().getSimpleName().equals("NotSslRecordException")
                || t instanceof SSLException && (msg.contains("unrecognized ssl message") || msg.contains("plaintext"));
    }

    private static boolean isClose(Throwable t) {
        String msg = message(t);
        return t instanceof EOFException || t instanceof ClosedChannelException
                || t.getClass().getSimpleName().equals("HttpClosedException")
                || msg.contains("connection was closed") || msg.contains("received no bytes");
    }

    private static boolean isProtocol(Throwable t) {
        String msg = message(t);
        return t instanceof ProtocolException || t instanceof io.netty.handler.codec.DecoderException
                || t instanceof NumberFormatException || t instanceof IllegalArgumentException
                || t.getClass().getSimpleName().equals("TooLongFrameException")
                || msg.contains("chunk") || msg.contains("invalid") || msg.contains("status line");
    }

    private static boolean any(List<Throwable> chain, Predicate<Throwable> test) {
        return chain.stream().anyMatch(test);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? "" : t.getMessage().toLowerCase(Locale.ROOT);
    }
}
