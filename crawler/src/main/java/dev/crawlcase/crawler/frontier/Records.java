package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.fetch.FetchResult;
import dev.crawlcase.crawler.output.CrawlRecord;
import dev.crawlcase.crawler.output.RecordSink;
import dev.crawlcase.crawler.parse.ParsedPage;

/** Builds the final records, hands them to the sink and counts them by outcome. */
final class Records {
    private final RecordSink sink;
    private final String mode;
    long fetched;
    long failed;
    long skipped;
    long redirected;

    Records(RecordSink sink, String mode) {
        this.sink = Check.notNull("sink", sink);
        this.mode = Check.notNull("mode", mode);
    }

    /** A record for a fetched attempt: fields from the result, mode from the fetcher. */
    void fromOutcome(FetchOutcome o, String outcome, String reason, String finalUrl) {
        FetchTask t = o.task();
        FetchResult r = o.result();
        boolean page = CrawlRecord.FETCHED.equals(outcome);
        ParsedPage parsed = o.page() == null ? ParsedPage.EMPTY : o.page();
        emit(new CrawlRecord(t.url(), finalUrl, r.status() == 0 ? null : r.status(), t.depth(), r.bytes(),
                r.contentType(), page ? parsed.title() : null, page ? parsed.links().size() : 0, r.fetchMillis(),
                t.attempt(), outcome, reason, r.truncated(), o.mode() == null ? mode : o.mode()));
    }

    /** A skipped record no fetcher produced (attempts made so far, usually 0). */
    void skipped(String url, int depth, String reason, int attempts) {
        emit(new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, attempts, CrawlRecord.SKIPPED, reason,
                false, mode));
    }

    /** A failed record no fetcher produced (e.g. "not_allowed": a remote host while only loopback is allowed). */
    void failed(String url, int depth, String reason) {
        emit(new CrawlRecord(url, null, null, depth, 0, null, null, 0, 0, 0, CrawlRecord.FAILED, reason, false,
                mode));
    }

    private void emit(CrawlRecord record) {
        switch (record.outcome()) {
            case CrawlRecord.FETCHED -> fetched++;
            case CrawlRecord.FAILED -> failed++;
            case CrawlRecord.SKIPPED -> skipped++;
            default -> redirected++;
        }
        sink.accept(record);
    }
}
