package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.mode.FetchTimeline.Span;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.HeadlessChromium;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonObject;
import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real comparison of a small world (sequential, the two raw-socket rungs and async, in this JVM), its report
 * opened in a headless browser: every chart must load, and the timeline must show what it is for, sequential's
 * requests one after another on one row and the concurrent modes' overlapping on several.
 */
@Tag(Tags.NEWEST_JDK)
class CompareReportBrowserTest {
    private static final List<Mode> MODES = List.of(Mode.SEQUENTIAL, Mode.POLL, Mode.SELECTOR, Mode.ASYNC);
    private static final List<String> CHARTS = List.of("wall-time-by-mode.png", "waiting-by-mode.png", "timeline.svg",
            "latency-histogram.png", "threads-over-time.png", "cores-busy-over-time.png");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void theReportRendersEveryChartAndTheTimelineShowsTheOverlap(@TempDir Path dir) throws Exception {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(), WorldConfig.of(5,
                SiteSpec.named("small").withPages(30, 3).withLatency(Distribution.fixed(5)))));
        CrawlConfig crawl = TestConfig.crawl().perHostConcurrency(8).timeouts(1_000, 1_000, 3_000).fastRetries()
                .outputIn(dir).load(dir);
        List<RunResult> results;
        try (Comparison comparison = Comparison.ofRunningSites(crawl, world.seedUrls(), dir.resolve("runs"),
                new PrintWriter(new StringWriter()))) {
            results = comparison.runAll(MODES, 8, List.of(), note -> { });
        }
        Path html = CompareReport.write(dir.resolve("report"), results, new ArrayList<>(), new JsonObject());

        assertThat(results).extracting(RunResult::mode).containsExactlyElementsOf(MODES);
        RunResult sequential = results.get(0);
        assertThat(sequential.timeline()).isNotEmpty().allSatisfy(span -> assertThat(span.slot()).isZero());
        for (int i = 1; i < sequential.timeline().size(); i++) {
            Span before = sequential.timeline().get(i - 1);
            assertThat(sequential.timeline().get(i).startMs()).as("strung out").isGreaterThanOrEqualTo(before.endMs());
        }
        for (RunResult concurrent : results.subList(1, results.size())) {
            assertThat(concurrent.timeline()).as(concurrent.mode().label())
                    .anySatisfy(span -> assertThat(span.slot()).isPositive());
        }
        String svg = Files.readString(html.resolveSibling("timeline.svg"), StandardCharsets.UTF_8);
        assertThat(svg).contains(">sequential (1)<", ">poll (8)<", ">selector (8)<", ">async (8)<");

        HeadlessChromium browser = HeadlessChromium.find(dir);
        String url = html.toUri().toString();
        assertThat(browser.dom(url, 5_000)).contains("all " + CHARTS.size() + " charts loaded")
                .contains(CHARTS.stream().map(c -> "src=\"" + c + "\"").toArray(String[]::new));
        browser.screenshot(url, dir.resolve("report.png"), 1100, 3000, 3_000);
        copyForAReader(dir);
    }

    /** Keeps the report and its screenshot where a person can look at them after the run (target/). */
    private static void copyForAReader(Path dir) throws Exception {
        Path keep = Path.of("target", "compare-report-browser-test");
        Files.createDirectories(keep);
        try (var files = Files.list(dir.resolve("report"))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, keep.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.copy(dir.resolve("report.png"), keep.resolve("report-screenshot.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
