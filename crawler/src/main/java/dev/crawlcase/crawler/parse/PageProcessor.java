package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;

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

    public PageProcessor(LinkNormalizer normalizer, boolean respectNofollow, Mode mode) {
        this.normalizer = normalizer;
        this.respectNofollow = respectNofollow;
        this.mode = mode;
    }

    public FetchOutcome process(FetchTask task, FetchResult result) {
        if (task.kind() == FetchTask.Kind.ROBOTS) {
            return new FetchOutcome(task, result.withoutCapture(), ParsedPage.EMPTY, mode);
        }
        ParsedPage page = ParsedPage.EMPTY;
        if (needsParsing(task, result)) {
            page = parser.parse(result.body(), result.charset(), task.url(), respectNofollow, normalizer);
        }
        return new FetchOutcome(task, withoutBody(result), page, mode);
    }

    /** Whether {@link #process} will do real parsing work (so async mode can move it off the event loop). */
    public static boolean needsParsing(FetchTask task, FetchResult result) {
        return task.kind() == FetchTask.Kind.PAGE && result.error() == null && result.status() / 100 == 2
                && result.isHtml() && result.body().length > 0;
    }

    private static FetchResult withoutBody(FetchResult r) {
        return new FetchResult(r.status(), r.contentType(), r.charset(), NO_BODY, r.bytes(), r.truncated(),
                r.location(), r.retryAfterMs(), r.error(), r.fetchMillis());
    }
}
