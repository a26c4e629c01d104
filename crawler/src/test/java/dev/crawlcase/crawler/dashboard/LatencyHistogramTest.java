package dev.crawlcase.crawler.dashboard;

import dev.crawlcase.crawler.output.RecordsFile;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fetch latency in {@code /metrics} as a Prometheus histogram, read from the crawl's own latency histogram: its
 * count is the records that got a response, its buckets rise to that count, and none is below the site's latency.
 */
class LatencyHistogramTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    @Test
    void theHistogramCountsEveryAnsweredFetchOnce() throws Exception {
        // every answer there takes at least 40 ms, so the buckets up to 25 ms stay empty
        Watched watched = Watched.start(kit, DashboardEndpointsTest.WORLD);
        CrawlRunner runner = watched.follow(TestConfig.crawl().mode(Mode.ASYNC).concurrency(4).perHostConcurrency(4)
                .outputIn(dir).load(dir).withSeeds(watched.sites().seedUrls()), "async 4");
        CrawlReport report = await(runner.run());
        watched.dashboard().finished(report.summary());

        String text = await(Http.get(watched.outside(), watched.dashboard().port(), "/metrics")).toString();
        PrometheusText metrics = PrometheusText.parse(text);
        long answered = RecordsFile.read(report.records()).stream().filter(LatencyHistogramTest::answered).count();
        String name = LatencyHistogram.NAME;
        assertThat(text).contains("# TYPE " + name + " histogram");
        assertThat(answered).isPositive();
        assertThat(metrics.value(name + "_count", "")).isEqualTo(answered);
        assertThat(metrics.value(name + "_bucket", "le=\"+Inf\"")).isEqualTo(answered);
        assertThat(metrics.value(name + "_bucket", "le=\"0.025\"")).isZero();
        assertThat(metrics.value(name + "_sum", "")).isGreaterThanOrEqualTo(answered * 0.040);
        List<Double> cumulative = metrics.samples().stream().filter(s -> s.name().equals(name + "_bucket"))
                .map(PrometheusText.Sample::value).toList();
        assertThat(cumulative).hasSize(14).isSorted();
    }

    private static boolean answered(CrawlRecord r) {
        return r.outcome() == Outcome.FETCHED || r.outcome() == Outcome.REDIRECTED
                || (r.outcome() == Outcome.FAILED && r.status() != null);
    }
}
