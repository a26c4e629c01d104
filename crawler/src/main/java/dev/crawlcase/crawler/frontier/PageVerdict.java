package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.SitemapPage;
import dev.crawlcase.crawler.task.Reasons;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.task.FetchResult;

/**
 * What to do with one PAGE attempt's result.
 *
 * @param reason the record's reason (FAILED, SKIPPED; "meta_refresh" for a REDIRECTED page that refreshed), else null
 * @param target the resolved Location (REDIRECTED, and FAILED with "too_many_redirects"), else null
 */
record PageVerdict(Kind kind, String reason, String target) {
    enum Kind { RETRY, FETCHED, SKIPPED, REDIRECTED, FAILED }

    static final String META_REFRESH = "meta_refresh";
    private static final PageVerdict RETRY = new PageVerdict(Kind.RETRY, null, null);
    private static final PageVerdict FETCHED = new PageVerdict(Kind.FETCHED, null, null);

    /**
     * Errors and 429/500/502/503/504 are retried while attempts remain, else fail with the error label or
     * "http_&lt;status&gt;"; 2xx HTML is fetched, other 2xx skipped ("content_type"); 3xx with a usable Location
     * redirects unless the chain is too long; a missing, non-http(s) or unparseable Location is "bad_redirect";
     * anything else fails with "http_&lt;status&gt;".
     */
    static PageVerdict of(FetchTask task, FetchResult r, FrontierSettings settings, UrlNormalizer normalizer) {
        boolean canRetry = settings.retry().canRetry(task.attempt());
        if (r.error() != null) {
            return canRetry && r.error().retryable() ? RETRY : failed(Reasons.of(r.error()), null);
        }
        int status = r.status();
        if (RetryPolicy.retryableStatus(status)) {
            return canRetry ? RETRY : failed(Reasons.httpStatus(status), null);
        }
        if (status >= 200 && status < 300) {
            return r.isHtml() ? FETCHED : new PageVerdict(Kind.SKIPPED, "content_type", null);
        }
        if (status >= 300 && status < 400) {
            String target = r.location() == null ? null : normalizer.normalize(task.url(), r.location());
            if (target == null) {
                return failed("bad_redirect", null);
            }
            if (task.redirects() + 1 > settings.maxRedirects()) {
                return failed("too_many_redirects", target);
            }
            return new PageVerdict(Kind.REDIRECTED, null, target);
        }
        return failed(Reasons.httpStatus(status), null);
    }

    /**
     * A SITEMAP attempt: a 2xx is fetched whatever its content type (XML, text, gzip), or failed with the bound it
     * broke ("sitemap_too_large", ...); anything else as a page's attempt.
     */
    static PageVerdict ofSitemap(FetchTask task, FetchResult r, ParsedPage page, FrontierSettings settings,
                                 UrlNormalizer normalizer) {
        if (r.error() == null && r.status() >= 200 && r.status() < 300) {
            SitemapPage sitemap = page.sitemap();
            if (sitemap == null) { // an empty body: nothing to read, nothing listed
                return FETCHED;
            }
            return sitemap.broken() == null ? FETCHED : failed(sitemap.broken().reason(), null);
        }
        return of(task, r, settings, normalizer);
    }

    /**
     * A fetched page whose meta refresh names another URL: a redirect like a 3xx (reason "meta_refresh"), in the
     * same chain and under the same limit ("too_many_redirects").
     */
    static PageVerdict refresh(FetchTask task, String target, FrontierSettings settings) {
        if (task.redirects() + 1 > settings.maxRedirects()) {
            return failed("too_many_redirects", target);
        }
        return new PageVerdict(Kind.REDIRECTED, META_REFRESH, target);
    }

    private static PageVerdict failed(String reason, String target) {
        return new PageVerdict(Kind.FAILED, reason, target);
    }
}
