/**
 * Leaf of the house: what a URL is. Stage: none (used by every stage).
 *
 * <p>Takes raw link text and gives canonical absolute http(s) URLs ({@link dev.crawlcase.crawler.url.UrlNormalizer},
 * the one URL parser: RFC 3986 split and resolution in {@code UriParts}, percent-encoding rules in
 * {@code PercentCodec}), their politeness key ({@link dev.crawlcase.crawler.url.HostKey}), their fingerprint
 * ({@link dev.crawlcase.crawler.url.UrlFingerprint}, SipHash-2-4 under a secret per-JVM key) and the one host rule
 * ({@link dev.crawlcase.crawler.url.HostRule}: loopback and {@code .invalid}, decided without resolving a name).
 *
 * <p>May import: the JDK only.
 */
package dev.crawlcase.crawler.url;
