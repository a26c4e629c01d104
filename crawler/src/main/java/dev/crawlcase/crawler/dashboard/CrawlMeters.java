package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.HostLoad;
import dev.crawlcase.crawler.task.Outcome;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * The crawl's own series in the Prometheus registry, beside Vert.x's: records by outcome and by reason, bytes,
 * pages/s, queue and in-flight gauges, fetch latency quantiles. Every meter reads the board's last snapshot, so a
 * scrape costs the crawl nothing and the counters are exactly the summary's. Reasons are registered as they first
 * appear, at most {@value #MAX_REASONS} of them, so the series stay bounded whatever a site answers.
 *
 * <p>Per-host gauges ({@code crawlcase_host_queued}, {@code crawlcase_host_in_flight},
 * {@code crawlcase_host_backoff_milliseconds}, labelled {@code host}) exist only for the rows of the page's host
 * table, the frontier's bounded view: a host's series are registered when it enters that view and removed when it
 * leaves, so a scrape never holds more host series than the view has rows (3 x the hosts shown), however many hosts
 * the crawl meets.
 */
final class CrawlMeters {
    static final int MAX_REASONS = 64;
    private static final double[] QUANTILES = {0.5, 0.9, 0.99};

    private final MeterRegistry registry;
    private final Board board;
    private final Set<String> reasons = new HashSet<>();
    /** The per-host meters now registered, by host key. */
    private final Map<String, List<Meter>> hostMeters = new HashMap<>();

    CrawlMeters(MeterRegistry registry, Board board) {
        this.registry = registry;
        this.board = board;
        for (Outcome outcome : Outcome.values()) {
            FunctionCounter.builder("crawlcase.records", board, b -> summary(b, s -> s.count(outcome)))
                    .description("Records written, by outcome (one per discovered URL)")
                    .tag("outcome", outcome.label()).register(registry);
        }
        FunctionCounter.builder("crawlcase.pages", board, b -> summary(b, RunSummary::pages))
                .description("Fetched (parsed HTML) pages").register(registry);
        FunctionCounter.builder("crawlcase.body", board, b -> summary(b, RunSummary::bytes)).baseUnit("bytes")
                .description("Body bytes received").register(registry);
        gauge("crawlcase.pages.per.second", "Fetched pages per second since the crawl started",
                b -> summary(b, RunSummary::pagesPerSecond));
        gauge("crawlcase.queued", "URLs waiting to be leased", b -> b.last().map(Snapshot::queued).orElse(0L));
        gauge("crawlcase.in.flight", "Requests in flight", b -> b.last().map(Snapshot::inFlight).orElse(0));
        gauge("crawlcase.crawler.threads", "Live platform threads of the crawler (in-process sites left out)",
                b -> b.last().map(Snapshot::liveThreads).orElse(0));
        for (double q : QUANTILES) {
            Gauge.builder("crawlcase.fetch.latency", board, b -> summary(b, s -> quantile(s, q))).baseUnit("milliseconds")
                    .description("Fetch latency at a quantile, over the records that got a response")
                    .tag("quantile", Double.toString(q)).register(registry);
        }
    }

    /**
     * Registers a counter for each reason seen for the first time (up to the bound), and the per-host gauges of the
     * hosts that entered the view; removes those of the hosts that left it.
     */
    void update(Snapshot snapshot) {
        updateHosts(snapshot.hosts());
        if (snapshot.summary() == null) {
            return;
        }
        for (String reason : snapshot.summary().reasons().keySet()) {
            if (reasons.size() < MAX_REASONS && reasons.add(reason)) {
                FunctionCounter.builder("crawlcase.failures", board,
                                b -> summary(b, s -> s.reasons().getOrDefault(reason, 0L)))
                        .description("Records failed or skipped, by reason").tag("reason", reason).register(registry);
            }
        }
    }

    private void updateHosts(List<HostLoad> hosts) {
        Set<String> shown = new HashSet<>();
        hosts.forEach(h -> shown.add(h.host()));
        for (Iterator<Map.Entry<String, List<Meter>>> it = hostMeters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, List<Meter>> entry = it.next();
            if (!shown.contains(entry.getKey())) {
                entry.getValue().forEach(registry::remove);
                it.remove();
            }
        }
        for (String host : shown) {
            hostMeters.computeIfAbsent(host, h -> List.of(
                    hostGauge(h, "crawlcase.host.queued", "URLs waiting for the host (queue and retries)", null,
                            HostLoad::queued),
                    hostGauge(h, "crawlcase.host.in.flight", "Requests to the host in flight", null,
                            HostLoad::inFlight),
                    hostGauge(h, "crawlcase.host.backoff", "Time until the host's first retry is due",
                            "milliseconds", HostLoad::backoffMs)));
        }
    }

    private Meter hostGauge(String host, String name, String description, String unit,
                            ToDoubleFunction<HostLoad> value) {
        return Gauge.builder(name, board, b -> b.last().flatMap(s -> s.hosts().stream()
                        .filter(h -> h.host().equals(host)).findFirst()).map(value::applyAsDouble).orElse(0.0))
                .description(description).baseUnit(unit).tag("host", host).register(registry);
    }

    private void gauge(String name, String description, ToDoubleFunction<Board> value) {
        Gauge.builder(name, board, value).description(description).register(registry);
    }

    private static double summary(Board board, ToDoubleFunction<RunSummary> figure) {
        return board.last().map(Snapshot::summary).map(figure::applyAsDouble).orElse(0.0);
    }

    private static double quantile(RunSummary s, double q) {
        RunSummary.Latency l = s.fetchLatencyMs();
        return q == 0.5 ? l.p50() : q == 0.9 ? l.p90() : l.p99();
    }
}
