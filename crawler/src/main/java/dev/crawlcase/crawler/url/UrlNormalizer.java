package dev.crawlcase.crawler.url;

import java.io.ByteArrayOutputStream;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Turns a link into the one canonical absolute http(s) URL the crawler dedups on, or null.
 *
 * <p>Resolution follows RFC 3986 section 5 (dot segments, "?q" only, "#frag" only, "" = the base without its
 * fragment, "//host/x"). The result has a lower-case scheme and host (IDN hosts in punycode), no default port, no
 * fragment, no userinfo, dot segments removed, percent-encoding normalised ({@link PercentCodec}), "/" for an empty path, and no "?" when the query is empty. With
 * {@code sortQuery} the query parameters are sorted by name, then value (stable: repeats are kept).
 *
 * <p>Userinfo ({@code user:password@}) is dropped: the crawler never authenticates, a link with it names the same
 * resource as one without, and credentials a page carries must not reach the queue, the records or the logs.
 *
 * <p>Anything else yields null, never an exception: other schemes (mailto:, javascript:, tel:, data:, ftp:),
 * a missing or malformed host or port, and URLs longer than {@link #MAX_LENGTH}. Links found on a page are
 * normalised at any length ({@link #normalizeLink}) so an over-long one still gets its record ({@link #tooLong}),
 * never fetched. Immutable and thread-safe.
 */
public final class UrlNormalizer {
    /** Longest accepted input and output, in chars. */
    public static final int MAX_LENGTH = 8 * 1024;

    private static final Comparator<String> PARAM_ORDER =
            Comparator.comparing(UrlNormalizer::paramName).thenComparing(UrlNormalizer::paramValue);

    private final boolean sortQuery;

    public UrlNormalizer(boolean sortQuery) {
        this.sortQuery = sortQuery;
    }

    /** The crawl default: query order kept. */
    public static UrlNormalizer defaults() {
        return new UrlNormalizer(false);
    }

    public boolean sortQuery() {
        return sortQuery;
    }

    /** Normalises an absolute URL; null when it is not an absolute http(s) URL. */
    public String normalize(String absolute) {
        return normalize(null, absolute);
    }

    /** Resolves {@code href} against {@code base} (may be null for absolute hrefs) and normalises the result. */
    public String normalize(String base, String href) {
        return normalize(base, href, MAX_LENGTH);
    }

    /**
     * {@link #normalize(String, String)} for a link found on a page: at any length, so a link over
     * {@link #MAX_LENGTH} is not dropped unseen but reaches the frontier, which records it as too long.
     */
    public String normalizeLink(String base, String href) {
        return normalize(base, href, Integer.MAX_VALUE);
    }

    /** Whether a normalised URL is longer than the crawler fetches ({@link #MAX_LENGTH}). */
    public static boolean tooLong(String url) {
        return url.length() > MAX_LENGTH;
    }

    private String normalize(String base, String href, int maxLength) {
        if (href == null || href.length() > maxLength) {
            return null;
        }
        UriParts ref = UriParts.parse(clean(href));
        if (ref == null) {
            return null;
        }
        UriParts target;
        if (ref.scheme() != null) {
            target = ref;
        } else {
            if (base == null || base.length() > maxLength) {
                return null;
            }
            UriParts b = UriParts.parse(clean(base));
            if (b == null || b.scheme() == null || b.authority() == null) {
                return null;
            }
            target = b.resolve(ref);
        }
        String url = build(target);
        return url == null || url.length() > maxLength ? null : url;
    }

    private String build(UriParts p) {
        if (p.scheme() == null || p.authority() == null) {
            return null;
        }
        String scheme = p.scheme().toLowerCase(Locale.ROOT);
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
        if (defaultPort < 0) {
            return null;
        }
        String authority = authority(p.authority(), defaultPort);
        if (authority == null) {
            return null;
        }
        StringBuilder url = new StringBuilder(scheme).append("://").append(authority);
        String path = UriParts.removeDotSegments(PercentCodec.PATH.normalize(p.path()));
        url.append(path.isEmpty() ? "/" : path.startsWith("/") ? path : "/" + path);
        if (p.query() != null && !p.query().isEmpty()) {
            url.append('?').append(query(PercentCodec.QUERY.normalize(p.query())));
        }
        return url.toString();
    }

    private static String authority(String raw, int defaultPort) {
        int at = raw.lastIndexOf('@');
        String hostPort = raw.substring(at + 1);
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                return null;
            }
            host = ipv6(hostPort.substring(0, close + 1));
            String rest = hostPort.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                return null;
            }
            port = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = regName(colon < 0 ? hostPort : hostPort.substring(0, colon));
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        int portNumber = port(port, defaultPort);
        if (host == null || portNumber < 0) {
            return null;
        }
        return portNumber == defaultPort ? host : host + ":" + portNumber;
    }

    private static String ipv6(String bracketed) {
        String inner = bracketed.substring(1, bracketed.length() - 1);
        if (inner.isEmpty() || inner.indexOf(':') < 0 || !inner.chars().allMatch(c -> PercentCodec.hex((char) c) >= 0
                || c == ':' || c == '.')) {
            return null;
        }
        String canonical = HostRule.canonicalIpv6(inner);
        return canonical == null ? null : "[" + canonical + "]";
    }

    private static String regName(String raw) {
        String host = raw;
        if (host.indexOf('%') >= 0) {
            host = percentDecode(host);
        }
        if (host == null || host.isEmpty()) {
            return null;
        }
        if (!host.chars().allMatch(c -> c < 128)) {
            try {
                host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        host = host.toLowerCase(Locale.ROOT);
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_';
            if (!ok) {
                return null;
            }
        }
        if (host.endsWith(".") && host.length() > 1) {
            host = host.substring(0, host.length() - 1); // the DNS root: "example.com." is "example.com"
        }
        return host.isEmpty() || host.startsWith(".") || host.endsWith(".") ? null : host;
    }

    /** Decodes %XX escapes as UTF-8; null when an escape is malformed. */
    private static String percentDecode(String s) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < s.length()) {
            int pct = s.indexOf('%', i);
            int end = pct < 0 ? s.length() : pct;
            bytes.writeBytes(s.substring(i, end).getBytes(StandardCharsets.UTF_8));
            if (pct < 0) {
                break;
            }
            if (pct + 2 >= s.length() || PercentCodec.hex(s.charAt(pct + 1)) < 0
                    || PercentCodec.hex(s.charAt(pct + 2)) < 0) {
                return null;
            }
            bytes.write(PercentCodec.hex(s.charAt(pct + 1)) * 16 + PercentCodec.hex(s.charAt(pct + 2)));
            i = pct + 3;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** The port number, the default for an empty port, or -1 when malformed. */
    private static int port(String port, int defaultPort) {
        if (port.isEmpty()) {
            return defaultPort;
        }
        if (port.length() > 5 || !port.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int n = Integer.parseInt(port);
        return n == 0 || n > 65535 ? -1 : n;
    }

    private String query(String query) {
        if (!sortQuery || query.indexOf('&') < 0) {
            return query;
        }
        List<String> params = new ArrayList<>(List.of(query.split("&", -1)));
        params.sort(PARAM_ORDER);
        return String.join("&", params);
    }

    private static String paramName(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? param : param.substring(0, eq);
    }

    private static String paramValue(String param) {
        int eq = param.indexOf('=');
        return eq < 0 ? "" : param.substring(eq + 1);
    }

    /** Strips leading/trailing spaces and controls and removes tabs and line breaks inside, as browsers do. */
    private static String clean(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) <= ' ') {
            start++;
        }
        while (end > start && s.charAt(end - 1) <= ' ') {
            end--;
        }
        String t = s.substring(start, end);
        if (t.indexOf('\t') < 0 && t.indexOf('\n') < 0 && t.indexOf('\r') < 0) {
            return t;
        }
        return t.replace("\t", "").replace("\n", "").replace("\r", "");
    }
}
