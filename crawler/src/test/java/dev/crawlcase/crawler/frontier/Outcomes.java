package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;

import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.ParsedPage;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Fake fetcher results for frontier tests. */
final class Outcomes {
    /** Not the crawl's mode (async), so a record shows whether a fetcher or the frontier made it. */
    static final Mode MODE = Mode.VIRTUAL;

    private Outcomes() {
    }

    static FetchOutcome html(FetchTask task, String... links) {
        FetchResult r = new FetchResult(200, "text/html", "utf-8", new byte[0], 100, false, null, -1, null, 7);
        return new FetchOutcome(task, r, new ParsedPage("t " + task.url(), List.of(links), links.length), MODE);
    }

    static FetchOutcome status(FetchTask task, int status, long retryAfterMs) {
        FetchResult r = new FetchResult(status, "text/html", null, new byte[0], 0, false, null, retryAfterMs, null, 3);
        return new FetchOutcome(task, r, ParsedPage.EMPTY, MODE);
    }

    static FetchOutcome status(FetchTask task, int status) {
        return status(task, status, -1);
    }

    static FetchOutcome contentType(FetchTask task, String type) {
        FetchResult r = new FetchResult(200, type, null, new byte[0], 1234, true, null, -1, null, 4);
        return new FetchOutcome(task, r, ParsedPage.EMPTY, MODE);
    }

    static FetchOutcome redirect(FetchTask task, int status, String location) {
        FetchResult r = new FetchResult(status, null, null, new byte[0], 0, false, location, -1, null, 2);
        return new FetchOutcome(task, r, ParsedPage.EMPTY, MODE);
    }

    static FetchOutcome error(FetchTask task, ErrorKind error) {
        return new FetchOutcome(task, FetchResult.failure(error, 9), ParsedPage.EMPTY, MODE);
    }

    static FetchOutcome robots(FetchTask task, int status, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FetchResult r = new FetchResult(status, "text/plain", null, bytes, bytes.length, false, null, -1, null, 1);
        return new FetchOutcome(task, r, ParsedPage.EMPTY, MODE);
    }
}
