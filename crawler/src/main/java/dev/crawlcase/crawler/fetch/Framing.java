package dev.crawlcase.crawler.fetch;

import java.util.List;
import java.util.Locale;

/**
 * The one response-framing rule of both client families: a response whose body length is ambiguous or invalid is
 * refused as a {@code protocol} error, never read. RFC 9112 section 6.3 lets a client either let chunked win over a
 * Content-Length or treat the pair as an error, and requires an error for an invalid Content-Length; it warns that
 * such messages are how responses are split and requests smuggled. We refuse, because that is the only rule both
 * clients can keep: the JDK client reads the Content-Length bytes and leaves the rest of a chunked body on the
 * connection, while Netty (under Vert.x) drops the Content-Length and reads the chunks; neither can be made to do
 * the other's.
 *
 * <p>Valid framing: no Transfer-Encoding and at most one Content-Length line holding only digits; or a
 * Transfer-Encoding of exactly {@code chunked} and no Content-Length. Anything else (Content-Length with
 * Transfer-Encoding, two Content-Length lines even if equal, a list, a sign, a non-number, a transfer coding other
 * than chunked, which this client never asked for) is refused. Responses without a status line (HTTP/0.9) and an
 * HTTP/2 preface on an HTTP/1.1 connection fail in both clients' parsers, before any head exists, as protocol too.
 */
final class Framing {
    private static final int MAX_LENGTH_DIGITS = 18;

    private Framing() {
    }

    /** Whether a head with these Content-Length and Transfer-Encoding header lines frames its body unambiguously. */
    static boolean valid(List<String> contentLengths, List<String> transferEncodings) {
        if (!transferEncodings.isEmpty()) {
            return contentLengths.isEmpty() && transferEncodings.size() == 1
                    && transferEncodings.get(0).trim().toLowerCase(Locale.ROOT).equals("chunked");
        }
        return contentLengths.isEmpty() || contentLengths.size() == 1 && digitsOnly(contentLengths.get(0).trim());
    }

    private static boolean digitsOnly(String value) {
        if (value.isEmpty() || value.length() > MAX_LENGTH_DIGITS) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
