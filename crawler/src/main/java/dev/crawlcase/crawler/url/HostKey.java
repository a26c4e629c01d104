package dev.crawlcase.crawler.url;

/**
 * The politeness and robots key of a normalised URL: {@code scheme://host:port}, always with the port
 * (e.g. "http://127.0.0.1:80"). Works on {@link UrlNormalizer} output only; returns null for anything else.
 */
public final class HostKey {
    private HostKey() {
    }

    /** {@code scheme://host:port} of a normalised http(s) URL, or null. */
    public static String of(String url) {
        String host = host(url);
        if (host == null) {
            return null;
        }
        String scheme = url.substring(0, url.indexOf("://"));
        return scheme + "://" + host + ":" + port(url, scheme);
    }

    /** The host of a normalised http(s) URL (IPv6 in brackets), or null. */
    public static String host(String url) {
        String hostPort = hostPort(url);
        if (hostPort == null) {
            return null;
        }
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            return close < 0 ? null : hostPort.substring(0, close + 1);
        }
        int colon = hostPort.indexOf(':');
        String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
        return host.isEmpty() ? null : host;
    }

    private static int port(String url, String scheme) {
        String hostPort = hostPort(url);
        int colon = hostPort.lastIndexOf(':');
        int close = hostPort.lastIndexOf(']');
        if (colon > close) {
            return Integer.parseInt(hostPort.substring(colon + 1));
        }
        return scheme.equals("https") ? 443 : 80;
    }

    private static String hostPort(String url) {
        if (url == null) {
            return null;
        }
        int sep = url.indexOf("://");
        if (sep < 0) {
            return null;
        }
        String scheme = url.substring(0, sep);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        int start = sep + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String authority = url.substring(start, end);
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']') && !isPort(hostPort.substring(colon + 1))) {
            return null;
        }
        return hostPort;
    }

    private static boolean isPort(String s) {
        return !s.isEmpty() && s.length() <= 5 && s.chars().allMatch(Character::isDigit);
    }
}
