package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.output.RunSummary;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Why a crawl fetched no page, in one line a user can act on: the most common reason among its records, worded with
 * what usually causes it (nothing listening, https against a plain http port, IPv6 loopback against sites that
 * listen on IPv4 only, a seed answering 404).
 */
final class NothingFetched {
    private NothingFetched() {
    }

    /** The line to print, or empty when the crawl fetched a page. */
    static Optional<String> line(RunSummary summary) {
        if (summary.pages() > 0) {
            return Optional.empty();
        }
        String reason = summary.reasons().entrySet().stream()
                .max(Comparator.comparingLong(Map.Entry<String, Long>::getValue)
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse("");
        boolean https = summary.seeds().stream().anyMatch(s -> s.regionMatches(true, 0, "https:", 0, 6));
        boolean ipv6 = summary.seeds().stream().anyMatch(s -> s.contains("://["));
        return Optional.of("crawler: no page fetched; most common reason: " + (reason.isEmpty() ? "none recorded" : reason)
                + hint(reason, https, ipv6));
    }

    private static String hint(String reason, boolean https, boolean ipv6) {
        if (reason.equals("refused")) {
            return " (connection refused: nothing listens on the seed's port"
                    + (ipv6 ? "; the sites may listen on IPv4 only, try 127.0.0.1" : "") + ")";
        }
        if (reason.equals("tls_certificate")) {
            return " (the server's certificate is not trusted or does not name the host; a local site's own"
                    + " certificate can be added to fetch.trustCertificates)";
        }
        if ((reason.equals("tls_handshake") || reason.equals("protocol") || reason.equals("io")
                || reason.equals("reset") || reason.equals("robots_unreachable")) && https) {
            return " (TLS failed: is the port plain http? try http:// instead of https://)";
        }
        if (reason.equals("robots_unreachable")) {
            return " (robots.txt could not be fetched, which disallows every page, RFC 9309)";
        }
        if (reason.startsWith("http_")) {
            return " (the server answered " + reason.substring(5) + " to the seed)";
        }
        if (reason.equals("robots")) {
            return " (robots.txt disallows the seed; set robots.obey false in the config to ignore it)";
        }
        if (reason.equals("content_type")) {
            return " (the seed is not an HTML page)";
        }
        return "";
    }
}
