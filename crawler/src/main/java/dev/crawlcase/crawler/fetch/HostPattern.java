package dev.crawlcase.crawler.fetch;

import dev.crawlcase.json.ConfigException;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts a request setting applies to ({@code fetch.hostHeaders[].hosts}, {@code fetch.auth[].hosts}): {@code *}
 * (every host), {@code example.com} (that host only), {@code *.example.com} (its subdomains, not itself), each with
 * an optional {@code :port} (then only that port; without one, any). Matched against the host and port of the URL
 * requested, never a redirect's target: each URL is fetched as a task of its own.
 */
public record HostPattern(String text, String host, boolean subdomains, int port) {

    public static final HostPattern ANY = new HostPattern("*", null, false, -1);
    private static final Pattern SHAPE = Pattern.compile("(\\*|(\\*\\.)?[a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\])(:[0-9]{1,5})?");

    /** @param key the config key or flag the pattern came from, for the one-line error */
    public static HostPattern parse(String key, String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(t).matches()) {
            throw new ConfigException(key, "must be *, a host, or *.domain, each with an optional :port, got \""
                    + text + "\"");
        }
        int colon = t.lastIndexOf(':');
        int port = -1;
        if (colon > t.lastIndexOf(']')) {
            port = Integer.parseInt(t.substring(colon + 1));
            if (port < 1 || port > 65535) {
                throw new ConfigException(key, "port must be between 1 and 65535, got \"" + text + "\"");
            }
            t = t.substring(0, colon);
        }
        if (t.equals("*")) {
            return new HostPattern(text, null, false, port);
        }
        boolean subdomains = t.startsWith("*.");
        return new HostPattern(text, subdomains ? t.substring(1) : t, subdomains, port);
    }

    /** True when a request to {@code url} gets the setting. */
    public boolean matches(URI url) {
        if (port >= 0 && port != LoopbackGuard.port(url.toString())) {
            return false;
        }
        if (host == null) {
            return true;
        }
        String h = url.getHost() == null ? "" : url.getHost().toLowerCase(Locale.ROOT);
        return subdomains ? h.endsWith(host) : h.equals(host);
    }

    @Override
    public String toString() {
        return text;
    }
}
