package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.HostRule;
import dev.crawlcase.crawler.url.UrlNormalizer;
import dev.crawlcase.json.ConfigException;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks seed URLs before a crawl starts: absolute http(s) URLs with a host, loopback unless allowed. The URL is read
 * by the crawl's own {@link UrlNormalizer} and the host judged by {@link HostRule}, so a seed accepted here is never
 * refused at fetch time.
 */
public final class SeedCheck {
    /** Scheme and port as written, only to word the messages; the normaliser decides what is valid. */
    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern PORT = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*?:(\\d+)(?:[/?#]|$)");

    /** RFC 3986 characters (reserved, unreserved, '%'), and any non-ASCII one for IDN hosts. */
    private static final Pattern URL_CHARS = Pattern.compile("[A-Za-z0-9\\-._~:/?#\\[\\]@!$&'()*+,;=%\\x{80}-\\x{10FFFF}]+");
    private static final Pattern EMPTY_AUTHORITY = Pattern.compile("(?i)https?://");

    private SeedCheck() {
    }

    public static void validate(List<String> seeds, boolean allowRemote) {
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        for (String seed : seeds) {
            Matcher scheme = SCHEME.matcher(seed);
            String s = scheme.find() ? scheme.group(1).toLowerCase(Locale.ROOT) : "";
            if (!s.equals("http") && !s.equals("https")) {
                throw new ConfigException("seed '" + seed + "'", "only http and https URLs can be crawled"
                        + (seed.contains("://") ? "" : "; did you mean http://" + seed + "?"));
            }
            Matcher port = PORT.matcher(seed);
            if (port.find() && (port.group(1).length() > 5 || Integer.parseInt(port.group(1)) == 0
                    || Integer.parseInt(port.group(1)) > 65535)) {
                throw new ConfigException("seed '" + seed + "'", "port " + port.group(1) + " is out of range (1-65535)");
            }
            if (!URL_CHARS.matcher(seed).matches() || EMPTY_AUTHORITY.matcher(seed).matches()
                    || seed.indexOf('[') >= 0 && seed.indexOf(']') < 0) {
                throw new ConfigException("seed '" + seed + "'", "not a valid URL");
            }
            String normalized = normalizer.normalize(seed);
            String host = normalized == null ? null : HostKey.host(normalized);
            if (host == null) {
                throw new ConfigException("seed '" + seed + "'", "has no host");
            }
            // checked first: allowRemote would not help a host that can never resolve
            if (HostRule.isReservedInvalid(host)) {
                throw new ConfigException("seed '" + seed + "'", "host " + host + " is not loopback, and is in the"
                        + " reserved .invalid domain (RFC 6761): it can never resolve, so allowRemote would not help");
            }
            if (!allowRemote && !HostRule.isLoopback(host)) {
                throw new ConfigException("seed '" + seed + "'", "host " + host
                        + " is not loopback (127.0.0.0/8, localhost, ::1); set \"allowRemote\": true in the config (or --allow-remote) to crawl it");
            }
        }
    }
}
