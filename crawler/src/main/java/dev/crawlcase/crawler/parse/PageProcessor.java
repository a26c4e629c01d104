package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.ParsedPage;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.task.ResponseCapture;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The parse step, the same in every mode: turns one fetch result into the outcome the frontier receives.
 * HTML pages are parsed for their title and normalised links, sitemaps for the URLs they list
 * ({@link SitemapReader}); the body travels on only for robots.txt.
 * Pure CPU work and thread-safe: blocking modes run it on their worker thread, async on a worker pool.
 */
public final class PageProcessor {
    private static final byte[] NO_BODY = new byte[0];

    private final PageParser parser = new PageParser();
    private final LinkNormalizer normalizer;
    private final boolean respectNofollow;
    private final Mode mode;
    private final RecordDetail detail;
    private final boolean obeyPageDirectives;
    private final SitemapReader sitemaps;

    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode) {
        this(normalizer, respectNofollow, mode, RecordDetail.BASIC, true);
    }

    /**
     * @param detail             how much the records say about each page: full records get {@link PageDetails}
     * @param obeyPageDirectives whether a page whose robots directives say {@code nofollow} (or {@code none}) offers
     *                           no links
     */
    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode, RecordDetail detail,
                         boolean obeyPageDirectives) {
        this(normalizer, respectNofollow, mode, detail, obeyPageDirectives, SitemapLimits.DEFAULTS);
    }

    /** @param sitemapLimits the bounds of each sitemap a SITEMAP task fetched */
    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode, RecordDetail detail,
                         boolean obeyPageDirectives, SitemapLimits sitemapLimits) {
        this.sitemaps = new SitemapReader(sitemapLimits, normalizer);
        this.normalizer = normalizer;
        this.respectNofollow = respectNofollow;
        this.mode = mode;
        this.detail = detail;
        this.obeyPageDirectives = obeyPageDirectives;
    }

    public FetchOutcome process(FetchTask task, FetchResult result) {
        if (task.kind() == FetchTask.Kind.ROBOTS) {
            return new FetchOutcome(task, result.withoutCapture(), ParsedPage.EMPTY, mode);
        }
        if (task.kind() == FetchTask.Kind.SITEMAP) {
            ParsedPage sitemap = needsParsing(task, result)
                    ? sitemaps.read(task.url(), task.depth(), result.body(), result.truncated()) : ParsedPage.EMPTY;
            return new FetchOutcome(task, withoutBody(result), sitemap, mode);
        }
        ParsedPage page = ParsedPage.EMPTY;
        if (needsParsing(task, result)) {
            page = withHeaderDirectives(
                    parser.parse(result.body(), result.charset(), task.url(), respectNofollow, normalizer, detail),
                    result);
            if (obeyPageDirectives && page.nofollow()) {
                page = withoutLinks(page);
            }
            if (page.details() != null) {
                page = page.withDetails(withResponse(page.details(), result));
            }
        }
        return new FetchOutcome(task, withoutBody(result), page, mode);
    }

    /** Whether {@link #process} will do real parsing work (so async mode can move it off the event loop). */
    public static boolean needsParsing(FetchTask task, FetchResult result) {
        if (task.kind() == FetchTask.Kind.SITEMAP) {
            return result.error() == null && result.status() / 100 == 2;
        }
        return task.kind() == FetchTask.Kind.PAGE && result.error() == null && result.status() / 100 == 2
                && result.isHtml() && result.body().length > 0;
    }

    /** The page's meta robots directives followed by the response's {@code X-Robots-Tag} ones. */
    private static ParsedPage withHeaderDirectives(ParsedPage page, FetchResult r) {
        List<String> robots = new ArrayList<>();
        if (page.robots() != null) {
            RobotsDirectives.addTokens(robots, page.robots());
        }
        for (ResponseCapture.Header h : r.capture().headers()) {
            if (h.name().equals("x-robots-tag")) {
                RobotsDirectives.addTokens(robots, h.value());
            }
        }
        String all = RobotsDirectives.join(robots);
        return Objects.equals(all, page.robots()) ? page
                : new ParsedPage(page.title(), page.links(), page.rawLinks(), all, page.details(), page.sitemap(),
                        page.refresh());
    }

    /** A nofollow page offers the frontier no links; a full record lists each as dropped for that reason. */
    private static ParsedPage withoutLinks(ParsedPage page) {
        PageDetails d = page.details();
        if (d != null) {
            List<PageDetails.DroppedLink> dropped = new ArrayList<>(d.dropped());
            page.links().forEach(url -> dropped.add(new PageDetails.DroppedLink(url, PageDetails.DropReason.NOFOLLOW)));
            d = new PageDetails(List.of(), dropped, d.headers(), d.sha256(), d.canonical(), d.text());
        }
        return new ParsedPage(page.title(), List.of(), page.rawLinks(), page.robots(), d, page.sitemap(),
                page.refresh());
    }

    /** The response's part of a page's details: its headers and the body's SHA-256. */
    private static PageDetails withResponse(PageDetails d, FetchResult r) {
        return new PageDetails(d.outlinks(), d.dropped(), r.capture().headers(), sha256(r.body()), d.canonical(),
                d.text());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static FetchResult withoutBody(FetchResult r) {
        return r.withBody(NO_BODY).withoutCapture();
    }
}
