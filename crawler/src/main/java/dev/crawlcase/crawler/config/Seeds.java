package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.frontier.Scope;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/** Checks seed URLs before a crawl starts: absolute http(s) URLs with a host, loopback unless allowed. */
public final class Seeds {
    private Seeds() {
    }

    public static void validate(List<String> seeds, boolean allowRemote) {
        for (String seed : seeds) {
            URI uri;
            try {
                uri = new URI(seed);
            } catch (Exception e) {
                throw new ConfigException("seed '" + seed + "': not a valid URL");
            }
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ConfigException("seed '" + seed + "': only http and https URLs can be crawled");
            }
            if (uri.getHost() == null || uri.getHost().isEmpty()) {
                throw new ConfigException("seed '" + seed + "': has no host");
            }
            if (uri.getPort() == 0 || uri.getPort() > 65535) {
                throw new ConfigException("seed '" + seed + "': port " + uri.getPort() + " is out of range (1-65535)");
            }
            if (!allowRemote && !Scope.isLoopbackHost(uri.getHost())) {
                throw new ConfigException("seed '" + seed + "': host " + uri.getHost()
                        + " is not loopback (127.0.0.0/8, localhost, ::1); set \"allowRemote\": true in the config to crawl it");
            }
            if (isReservedInvalid(uri.getHost())) {
                throw new ConfigException("seed '" + seed + "': host " + uri.getHost()
                        + " is in the reserved .invalid domain (RFC 6761) and can never resolve");
            }
        }
    }

    /** {@code invalid} and its subdomains: guaranteed not to exist, so never worth a DNS query (RFC 6761 6.4). */
    public static boolean isReservedInvalid(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        return h.equals("invalid") || h.endsWith(".invalid");
    }
}
