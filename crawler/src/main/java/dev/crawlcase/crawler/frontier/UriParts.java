package dev.crawlcase.crawler.frontier;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The five raw components of a URI reference (RFC 3986 appendix B) and reference resolution (section 5.2).
 * Nothing is decoded or validated here beyond the scheme's syntax; {@link UrlNormalizer} does that.
 *
 * @param scheme    the scheme as written, or null for a relative reference
 * @param authority the authority as written (may be empty), or null when there is no "//"
 * @param path      the path as written, never null (may be empty)
 * @param query     the query without "?", or null when there is no "?"
 */
record UriParts(String scheme, String authority, String path, String query) {

    private static final Pattern REFERENCE =
            Pattern.compile("^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*");

    /** Splits a reference into its parts (the fragment is dropped), or returns null when the scheme is malformed. */
    static UriParts parse(String reference) {
        Matcher m = REFERENCE.matcher(reference);
        if (!m.matches()) {
            return null;
        }
        String scheme = m.group(1);
        if (scheme != null && !SCHEME.matcher(scheme).matches()) {
            return null;
        }
        return new UriParts(scheme, m.group(2), m.group(3), m.group(4));
    }

    /** Resolves {@code ref} against this (absolute) base, RFC 3986 section 5.2.2, non-strict for nothing. */
    UriParts resolve(UriParts ref) {
        if (ref.scheme != null) {
            return new UriParts(ref.scheme, ref.authority, removeDotSegments(ref.path), ref.query);
        }
        if (ref.authority != null) {
            return new UriParts(scheme, ref.authority, removeDotSegments(ref.path), ref.query);
        }
        if (ref.path.isEmpty()) {
            return new UriParts(scheme, authority, path, ref.query != null ? ref.query : query);
        }
        if (ref.path.startsWith("/")) {
            return new UriParts(scheme, authority, removeDotSegments(ref.path), ref.query);
        }
        return new UriParts(scheme, authority, removeDotSegments(merge(ref.path)), ref.query);
    }

    private String merge(String relativePath) {
        if (authority != null && path.isEmpty()) {
            return "/" + relativePath;
        }
        int slash = path.lastIndexOf('/');
        return slash < 0 ? relativePath : path.substring(0, slash + 1) + relativePath;
    }

    /** RFC 3986 section 5.2.4: removes "." and ".." segments. */
    static String removeDotSegments(String input) {
        if (input.indexOf('.') < 0) {
            return input;
        }
        StringBuilder out = new StringBuilder(input.length());
        String in = input;
        while (!in.isEmpty()) {
            if (in.startsWith("../")) {
                in = in.substring(3);
            } else if (in.startsWith("./")) {
                in = in.substring(2);
            } else if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../")) {
                in = in.substring(3);
                dropLastSegment(out);
            } else if (in.equals("/..")) {
                in = "/";
                dropLastSegment(out);
            } else if (in.equals(".") || in.equals("..")) {
                in = "";
            } else {
                int next = in.indexOf('/', 1);
                int end = next < 0 ? in.length() : next;
                out.append(in, 0, end);
                in = in.substring(end);
            }
        }
        return out.toString();
    }

    private static void dropLastSegment(StringBuilder out) {
        int slash = out.lastIndexOf("/");
        out.setLength(Math.max(slash, 0));
    }
}
