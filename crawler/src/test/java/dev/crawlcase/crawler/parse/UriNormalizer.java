package dev.crawlcase.crawler.parse;

import java.net.URI;
import java.util.Locale;

/** A test stand-in for the crawler's UrlNormalizer: java.net.URI resolution, http(s) only, fragment dropped. */
final class UriNormalizer implements LinkNormalizer {

    @Override
    public String normalize(String base, String href) {
        try {
            URI uri = new URI(base).resolve(new URI(href.trim()));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                return null;
            }
            return new URI(scheme, uri.getRawAuthority(), uri.getPath(), uri.getQuery(), null).toString();
        } catch (Exception e) {
            return null;
        }
    }
}
