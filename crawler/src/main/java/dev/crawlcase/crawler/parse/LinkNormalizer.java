package dev.crawlcase.crawler.parse;

/**
 * Turns an href found on a page into the crawler's normalised absolute URL. The crawler passes
 * {@code dev.crawlcase.crawler.url.UrlNormalizer::normalize}; the parser does not care how it works.
 */
@FunctionalInterface
public interface LinkNormalizer {

    /**
     * @param base the effective base URL of the page (its {@code <base href>} or the page URL)
     * @param href the raw attribute value
     * @return the normalised absolute http(s) URL, or null to drop the link (mailto:, javascript:, unparseable...)
     */
    String normalize(String base, String href);
}
