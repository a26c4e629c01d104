package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.config.Seeds;

import java.net.URI;
import java.util.Locale;

/**
 * Checks a task URL before any connection: http(s) with a host, loopback-only unless remote is allowed, and never a
 * host in the reserved {@code .invalid} domain (reported as unknown_host without a DNS query).
 */
final class LoopbackGuard {

    private LoopbackGuard() {
    }

    /** Null when the URL may be fetched, else the error kind to report without connecting. */
    static ErrorKind check(String url, boolean allowRemote) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return ErrorKind.PROTOCOL;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            return ErrorKind.PROTOCOL;
        }
        if (!allowRemote && !isLoopbackLiteral(uri.getHost())) {
            return ErrorKind.NOT_ALLOWED;
        }
        return Seeds.isReservedInvalid(uri.getHost()) ? ErrorKind.UNKNOWN_HOST : null;
    }

    /** Literal 127.0.0.0/8, ::1 (bracketed or not) and "localhost"; never resolves a name. */
    static boolean isLoopbackLiteral(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.equals("localhost.") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")) {
            return true;
        }
        String[] octets = h.split("\\.", -1);
        if (octets.length != 4 || !octets[0].equals("127")) {
            return false;
        }
        for (String octet : octets) {
            if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }
}
