package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Reasons;
import dev.crawlcase.crawler.task.RecordSink;
import dev.crawlcase.crawler.task.ParsedPage;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the final records, hands them to the sink and counts them by outcome. Handed over at once, or, once
 * {@link #inTurns}, kept in order until {@link #write} takes a turn of them: the end of a crawl (or one huge page)
 * can owe hundreds of thousands of records at once, and building and writing each costs its JSON line.
 */
final class Records {
    private final RecordSink sink;
    private final Mode mode;
    private final Predicate<String> isSitemap;
    /** Records waiting for {@link #write}, in order; a batch from {@link #later} is built only as it is written. */
    private final ArrayDeque<Iterator<CrawlRecord>> unwritten = new ArrayDeque<>();
    private boolean inTurns;
    long fetched;
    long failed;
    long skipped;
    long redirected;

    /** @param isSitemap whether a URL is a sitemap: its record says so, whoever built it */
    Records(RecordSink sink, Mode mode, Predicate<String> isSitemap) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.isSitemap = Objects.requireNonNull(isSitemap, "isSitemap");
    }

    /** From now on records wait for {@link #write}. */
    void inTurns() {
        inTurns = true;
    }

    /** Hands up to {@code max} waiting records to the sink, oldest first; whether records are still waiting. */
    boolean write(int max) {
        int written = 0;
        Iterator<CrawlRecord> next;
        while (written < max && (next = unwritten.peek()) != null) {
            while (written < max && next.hasNext()) {
                CrawlRecord record = next.next();
                if (record != null) {
                    hand(record);
                    written++;
                }
            }
            if (!next.hasNext()) {
                unwritten.poll();
            }
        }
        return !unwritten.isEmpty();
    }

    /**
     * Records owed for {@code items}, each built by {@code make} (null: none owed after all) when its turn to be
     * written comes, or at once when not {@link #inTurns}. Whatever {@code make} reads must not change meanwhile.
     */
    <T> void later(List<T> items, Function<T, CrawlRecord> make) {
        Iterator<CrawlRecord> records = items.stream().map(make).iterator();
        if (inTurns) {
            unwritten.add(records);
        } else {
            records.forEachRemaining(r -> {
                if (r != null) {
                    hand(r);
                }
            });
        }
    }

    /** A record (not yet emitted) for a fetched attempt: fields from the result, mode from the fetcher. */
    CrawlRecord ofOutcome(FetchOutcome o, Outcome outcome, String reason, String finalUrl) {
        FetchTask t = o.task();
        FetchResult r = o.result();
        boolean page = outcome == Outcome.FETCHED;
        ParsedPage parsed = o.page() == null ? ParsedPage.EMPTY : o.page();
        return new CrawlRecord(t.url(), finalUrl, r.status() == 0 ? null : r.status(), t.depth(), r.bytes(),
                r.contentType(), page && parsed.sitemap() == null ? parsed.title() : null, page ? listed(parsed) : 0,
                r.fetchMillis(),
                t.attempt(), outcome, reason, r.truncated(), o.mode() == null ? mode : o.mode(),
                page ? parsed.robots() : null, page ? parsed.details() : null, r.httpVersion(),
                r.wireBytes() < 0 ? null : r.wireBytes());
    }

    /** How many links a page offered; a sitemap: its pages and the sitemaps it lists. */
    private static int listed(ParsedPage p) {
        return p.links().size() + (p.sitemap() == null ? 0 : p.sitemap().sitemaps().size());
    }

    /** A skipped record (not yet emitted) no fetcher produced (attempts made so far, usually 0). */
    CrawlRecord ofSkip(String url, int depth, String reason, int attempts) {
        return ofUnfetched(url, depth, Outcome.SKIPPED, reason, attempts);
    }

    /** A record (not yet emitted) of a URL no fetcher got to, with the outcome and reason the frontier decided. */
    CrawlRecord ofUnfetched(String url, int depth, Outcome outcome, String reason, int attempts) {
        return new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, attempts, outcome, reason, false, mode);
    }

    /** A failed record (not yet emitted) no fetcher produced (e.g. NOT_ALLOWED: a remote host while only loopback is allowed). */
    CrawlRecord ofFailure(String url, int depth, ErrorKind error) {
        return new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, 0, Outcome.FAILED, Reasons.of(error),
                false, mode);
    }

    /** Emits a skipped record no fetcher produced. */
    void skipped(String url, int depth, String reason, int attempts) {
        emit(ofSkip(url, depth, reason, attempts));
    }

    /** A failed record no fetcher produced (e.g. NOT_ALLOWED: a remote host while only loopback is allowed). */
    void failed(String url, int depth, ErrorKind error) {
        emit(ofFailure(url, depth, error));
    }

    /** Emits {@code record} with {@code depth} (a kept record's depth may have been lowered since it was built). */
    void emit(CrawlRecord r, int depth) {
        emit(withDepth(r, depth));
    }

    /** {@code r} with {@code depth}. */
    static CrawlRecord withDepth(CrawlRecord r, int depth) {
        return r.depth() == depth ? r : new CrawlRecord(r.url(), r.finalUrl(), r.status(), depth, r.bytes(),
                r.contentType(), r.title(), r.links(), r.fetchMs(), r.attempts(), r.outcome(), r.reason(),
                r.truncated(), r.mode(), r.robots(), r.details(), r.httpVersion(), r.wireBytes(), r.kind());
    }

    private void emit(CrawlRecord record) {
        if (inTurns) {
            unwritten.add(Collections.singleton(record).iterator());
        } else {
            hand(record);
        }
    }

    private void hand(CrawlRecord record) {
        switch (record.outcome()) {
            case FETCHED -> fetched++;
            case FAILED -> failed++;
            case SKIPPED -> skipped++;
            case REDIRECTED -> redirected++;
        }
        sink.accept(isSitemap.test(record.url()) ? record.withKind(FetchTask.Kind.SITEMAP) : record);
    }
}
