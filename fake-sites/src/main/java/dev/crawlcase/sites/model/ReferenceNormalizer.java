package dev.crawlcase.sites.model;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The shared normal form of a URL: lower-case scheme and host, no default port, no fragment, dot segments
 * resolved, percent-encoded unreserved characters decoded (other escapes upper-cased), query kept as
 * written unless sorted by name then value. Only http and https URLs have a normal form.
 *
 * <p>Written apart from the crawler's own {@code UrlNormalizer} on purpose: the ground truth is an independent
 * reference the crawler is checked against, not the crawler checking itself.
 */
public final class ReferenceNormalizer {
    private ReferenceNormalizer() {
    }

    /** The normal form of an absolute URL, or null if it is not an http(s) URL. */
    public static String normalize(String url, boolean sortQuery) {
        if (url == null) {
            return null;
        }
        String s = url.strip();
        int colon = s.indexOf("://");
        if (colon <= 0) {
            return null;
        }
        String scheme = s.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int hash = s.indexOf('#');
        if (hash >= 0) {
            s = s.substring(0, hash);
        }
        int start = colon + 3;
        int end = start;
        while (end < s.length() && s.charAt(end) != '/' && s.charAt(end) != '?') {
            end++;
        }
        String authority = authority(s.substring(start, end).toLowerCase(Locale.ROOT), scheme);
        if (authority.isEmpty()) {
            return null;
        }
        String rest = s.substring(end);
        int q = rest.indexOf('?');
        String path = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? null : rest.substring(q + 1);
        StringBuilder out = new StringBuilder(scheme).append("://").append(authority)
                .append(removeDotSegments(decodeUnreserved(path.isEmpty() ? "/" : path)));
        if (query != null && !query.isEmpty()) {
            String decoded = decodeUnreserved(query);
            out.append('?').append(sortQuery ? sortQuery(decoded) : decoded);
        }
        return out.toString();
    }

    /** The normal form of a request target ({@code /path?query}) received by a site at {@code baseUrl}. */
    public static String requestKey(String baseUrl, String requestTarget) {
        String target = requestTarget.startsWith("/") ? requestTarget.substring(1) : requestTarget;
        String key = normalize(baseUrl + target, false);
        return key == null ? baseUrl + target : key;
    }

    /** The path and query of a normalised URL: {@code http://h:1/a?b} -> {@code /a?b}. */
    public static String target(String normalizedUrl) {
        int slash = normalizedUrl.indexOf('/', normalizedUrl.indexOf("://") + 3);
        return slash < 0 ? "/" : normalizedUrl.substring(slash);
    }

    /** The origin plus '/', e.g. {@code http://127.0.0.1:8081/}. */
    public static String base(String normalizedUrl) {
        int slash = normalizedUrl.indexOf('/', normalizedUrl.indexOf("://") + 3);
        return slash < 0 ? normalizedUrl + "/" : normalizedUrl.substring(0, slash + 1);
    }

    private static String authority(String authority, String scheme) {
        int at = authority.lastIndexOf('@');
        String hostPort = at >= 0 ? authority.substring(at + 1) : authority;
        int colon = hostPort.lastIndexOf(':');
        if (colon >= 0 && hostPort.indexOf(']', colon) < 0) {
            String port = hostPort.substring(colon + 1);
            if (port.isEmpty() || (scheme.equals("http") && port.equals("80"))
                    || (scheme.equals("https") && port.equals("443"))) {
                hostPort = hostPort.substring(0, colon);
            }
        }
        return hostPort;
    }

    static String decodeUnreserved(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
                char decoded = (char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
                if (unreserved(decoded)) {
                    out.append(decoded);
                } else {
                    out.append('%').append(Character.toUpperCase(s.charAt(i + 1)))
                            .append(Character.toUpperCase(s.charAt(i + 2)));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static int hex(char c) {
        return Character.digit(c, 16);
    }

    static String removeDotSegments(String path) {
        if (!path.contains(".")) {
            return path;
        }
        Deque<String> out = new ArrayDeque<>();
        String[] segments = path.split("/", -1);
        for (int i = 1; i < segments.length; i++) {
            String seg = segments[i];
            boolean last = i == segments.length - 1;
            if (seg.equals(".")) {
                if (last) {
                    out.addLast("");
                }
            } else if (seg.equals("..")) {
                out.pollLast();
                if (last) {
                    out.addLast("");
                }
            } else {
                out.addLast(seg);
            }
        }
        return "/" + String.join("/", out);
    }

    private static String sortQuery(String query) {
        List<String[]> params = new ArrayList<>();
        for (String part : query.split("&", -1)) {
            int eq = part.indexOf('=');
            params.add(eq < 0 ? new String[] {part, "", part} : new String[] {part.substring(0, eq), part.substring(eq + 1), part});
        }
        params.sort(Comparator.<String[], String>comparing(p -> p[0]).thenComparing(p -> p[1]));
        List<String> parts = new ArrayList<>();
        for (String[] p : params) {
            parts.add(p[2]);
        }
        return String.join("&", parts);
    }
}
