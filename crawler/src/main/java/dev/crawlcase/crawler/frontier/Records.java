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

import java.util.Objects;

/** Builds the final records, hands them to the sink and counts them by outcome. */
final class Records {
    private final RecordSink sink;
    private final Mode mode;
    long fetched;
    long failed;
    long skipped;
    long redirected;

    Records(RecordSink sink, Mode mode) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.mode = Objects.requireNonNull(mode, "mode");
    }

    /** A record (not yet emitted) for a fetched attempt: fields from the result, mode from the fetcher. */
    CrawlRecord ofOutcome(FetchOutcome o, Outcome outcome, String reason, String finalUrl) {
        FetchTask t = o.task();
        FetchResult r = o.result();
        boolean page = outcome == Outcome.FETCHED;
        ParsedPage parsed = o.page() == null ? ParsedPage.EMPTY : o.page();
        return new CrawlRecord(t.url(), finalUrl, r.status() == 0 ? null : r.status(), t.depth(), r.bytes(),
                r.contentType(), page ? parsed.title() : null, page ? parsed.links().size() : 0, r.fetchMillis(),
                t.attempt(), outcome, reason, r.truncated(), o.mode() == null ? mode : o.mode(),
                page ? parsed.robots() : null, page ? parsed.details() : null);
    }

    /** A skipped record (not yet emitted) no fetcher produced (attempts made so far, usually 0). */
    CrawlRecord ofSkip(String url, int depth, String reason, int attempts) {
        return new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, attempts, Outcome.SKIPPED, reason,
                false, mode);
    }

    /** Emits a skipped record no fetcher produced. */
    void skipped(String url, int depth, String reason, int attempts) {
        emit(ofSkip(url, depth, reason, attempts));
    }

    /** A failed record no fetcher produced (e.g. NOT_ALLOWED: a remote host while only loopback is allowed). */
    void failed(String url, int depth, ErrorKind error) {
        emit(new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, 0, Outcome.FAILED, Reasons.of(error),
                false, mode));
    }

    /** Emits {@code record} with {@code depth} (a kept record's depth may have been lowered since it was built). */
    void emit(CrawlRecord r, int depth) {
        emit(r.depth() == depth ? r : new CrawlRecord(r.url(), r.finalUrl(), r.status(), depth, r.bytes(),
                r.contentType(), r.title(), r.links(), r.fetchMs(), r.attempts(), r.outcome(), r.reason(),
                r.truncated(), r.mode(), r.robots(), r.details()));
    }

    private void emit(CrawlRecord record) {
        switch (record.outcome()) {
            case FETCHED -> fetched++;
            case FAILED -> failed++;
            case SKIPPED -> skipped++;
            case REDIRECTED -> redirected++;
        }
        sink.accept(record);
    }
}
