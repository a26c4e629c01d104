package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Crawls that exist only as figures, for the ladder and the cluster view: each label's pages differ. */
final class FakeCrawls {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    CrawlAddresses addresses(String label) {
        return new CrawlAddresses(label.replace(' ', '-'));
    }

    long pages(String label) {
        return 10L + label.length();
    }

    CrawlFeed feed(String label) {
        return peak -> Optional.of(new CrawlNow(summary(label, pages(label) / 2), 30, 1 << 20));
    }

    RunSummary finished(String label) {
        return summary(label, pages(label));
    }

    private RunSummary summary(String label, long pages) {
        String[] parts = label.split(" ");
        return new RunSummary(Mode.parse(parts[0]), Integer.parseInt(parts[1]), java.util.List.of("http://127.0.0.1:1/"),
                START, START.plusSeconds(2), 2.0, pages, pages, Map.of(Outcome.FETCHED, pages), Map.of(), pages / 2.0,
                new RunSummary.Latency(40, 60, 80, 90), 4, 30, 1.5, 1 << 24, pages * 1000);
    }
}
