package dev.crawlcase.crawler.parse;

import java.util.List;
import java.util.Locale;

/**
 * The robots directives of a page, from {@code <meta name=robots content=...>} and {@code X-Robots-Tag} header
 * values: comma-separated tokens, lower case. Values scoped to one user agent ({@code otherbot: noindex}) and
 * {@code unavailable_after: <date>} are left out (their colon marks them).
 */
final class RobotsDirectives {
    private RobotsDirectives() {
    }

    static void addTokens(List<String> into, String value) {
        for (String token : value.split(",")) {
            String t = token.strip().toLowerCase(Locale.ROOT);
            if (!t.isEmpty() && t.indexOf(':') < 0 && !into.contains(t)) {
                into.add(t);
            }
        }
    }

    /** The tokens comma-separated, or null when there are none. */
    static String join(List<String> tokens) {
        return tokens.isEmpty() ? null : String.join(",", tokens);
    }
}
