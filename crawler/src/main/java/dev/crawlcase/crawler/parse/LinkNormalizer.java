package dev.crawlcase.crawler.parse;

/** Resolves and normalises one href against a base; null for links that are not http(s). */
@FunctionalInterface
public interface LinkNormalizer {
    String normalize(String base, String href);
}
