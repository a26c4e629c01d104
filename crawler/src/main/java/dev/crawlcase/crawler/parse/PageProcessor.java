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

/**
 * The parse step, the same in every mode: turns one fetch result into the outcome the frontier receives.
 * HTML pages are parsed for their title and normalised links; the body travels on only for robots.txt.
 * Pure CPU work and thread-safe: blocking modes run it on their worker thread, async on a worker pool.
 */
public final class PageProcessor {
    private static final byte[] NO_BODY = new byte[0];

    private final PageParser parser = new PageParser();
    private final LinkNormalizer normalizer;
    private final boolean respectNofollow;
    private final Mode mode;
    private final RecordDetail detail;

    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode) {
        this(normalizer, respectNofollow, mode, RecordDetail.BASIC);
    }

    /** @param detail how much the records say about each page: full records get {@link PageDetails} */
    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode, RecordDetail detail) {
        this.normalizer = normalizer;
        this.respectNofollow = respectNofollow;
        this.mode = mode;
        this.detail = detail;
    }

    public FetchOutcome process(FetchTask task, FetchResult result) {
        if (task.kind() == FetchTask.Kind.ROBOTS) {
            return new FetchOutcome(task, result.withoutCapture(), ParsedPage.EMPTY, mode);
        }
        ParsedPage page = ParsedPage.EMPTY;
        if (needsParsing(task, result)) {
            page = parser.parse(result.body(), result.charset(), task.url(), respectNofollow, normalizer, detail);
            if (page.details() != null) {
                page = page.withDetails(withResponse(page.details(), result));
            }
        }
        return new FetchOutcome(task, withoutBody(result), page, mode);
    }

    /** Whether {@link #process} will do real parsing work (so async mode can move it off the event loop). */
    public static boolean needsParsing(FetchTask task, FetchResult result) {
        return task.kind() == FetchTask.Kind.PAGE && result.error() == null && result.status() / 100 == 2
                && result.isHtml() && result.body().length > 0;
    }

    /** The response's part of a page's details: its headers, the body's SHA-256 and X-Robots-Tag. */
    private static PageDetails withResponse(PageDetails d, FetchResult r) {
        List<String> robots = new ArrayList<>();
        if (d.robots() != null) {
            RobotsDirectives.addTokens(robots, d.robots());
        }
        for (ResponseCapture.Header h : r.capture().headers()) {
            if (h.name().equals("x-robots-tag")) {
                RobotsDirectives.addTokens(robots, h.value());
            }
        }
        return new PageDetails(d.outlinks(), d.dropped(), r.capture().headers(), sha256(r.body()), d.canonical(),
                RobotsDirectives.join(robots), d.text());
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static FetchResult withoutBody(FetchResult r) {
        return new FetchResult(r.status(), r.contentType(), r.charset(), NO_BODY, r.bytes(), r.truncated(),
                r.location(), r.retryAfterMs(), r.error(), r.fetchMillis());
    }
}
