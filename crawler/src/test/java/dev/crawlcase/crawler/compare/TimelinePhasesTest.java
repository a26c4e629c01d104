package dev.crawlcase.crawler.compare;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.mode.FetchTimeline.Span;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report's data on each request's phases: the raw-socket modes know connect and first byte, the client-library
 * modes (the processes mode's workers included) the first byte; every phase lies inside its request, and the
 * timeline draws them. The processes rung stands in the same comparison as the others.
 */
class TimelinePhasesTest {
    private static final List<Mode> MODES = List.of(Mode.SEQUENTIAL, Mode.PROCESSES, Mode.SELECTOR, Mode.ASYNC);

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void eachRequestCarriesThePhasesItsClientCanTell(@TempDir Path dir) {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(), WorldConfig.of(3,
                SiteSpec.named("small").withPages(12, 3).withLatency(Distribution.fixed(20)))));
        CrawlConfig crawl = TestConfig.crawl().perHostConcurrency(3).timeouts(2_000, 2_000, 5_000).fastRetries()
                .outputIn(dir).load(dir);
        List<RunResult> results;
        try (Comparison comparison = Comparison.ofRunningSites(crawl, world.seedUrls(), dir.resolve("runs"),
                new PrintWriter(new StringWriter()))) {
            results = comparison.runAll(MODES, 3, List.of(), note -> { });
        }
        assertThat(results).extracting(RunResult::mode).containsExactlyElementsOf(MODES);
        Map<Mode, RunResult> byMode = results.stream().collect(Collectors.toMap(RunResult::mode, Function.identity()));
        assertThat(byMode.get(Mode.PROCESSES).pages()).isEqualTo(byMode.get(Mode.SEQUENTIAL).pages()).isNotEmpty();

        for (RunResult run : results) {
            List<Span> fetched = run.timeline().stream().filter(span -> !span.failed()).toList();
            assertThat(fetched).as(run.mode().label()).isNotEmpty().allSatisfy(span -> {
                assertThat(span.phases().knowsFirstByte()).as(run.mode() + " first byte").isTrue();
                assertThat(span.phases().firstByteMs()).as(run.mode() + " first byte inside the request")
                        .isBetween(0.0, span.millis() + 1);
            });
        }
        // the fake sites answer after 20 ms, so the first byte comes after the connect, and after 20 ms
        assertThat(byMode.get(Mode.SELECTOR).timeline()).filteredOn(span -> !span.failed()).allSatisfy(span -> {
            assertThat(span.phases().knowsConnect()).isTrue();
            assertThat(span.phases().connectMs()).isLessThanOrEqualTo(span.phases().firstByteMs());
            assertThat(span.phases().firstByteMs()).isGreaterThanOrEqualTo(19.0);
        });
        assertThat(byMode.get(Mode.SEQUENTIAL).timeline()).allSatisfy(
                span -> assertThat(span.phases().knowsConnect()).as("the JDK client pools: no connect time").isFalse());

        String svg = TimelineSvg.of(results);
        assertThat(svg).contains("fill=\"" + TimelineSvg.CONNECT + "\"", "fill=\"" + TimelineSvg.WAIT + "\"",
                "fill=\"" + TimelineSvg.BODY + "\"", ">processes (3)<", ">connect<");
        assertThat(PublishedLadder.of(Mode.PROCESSES)).hasValueSatisfying(
                rung -> assertThat(rung.name()).isEqualTo("process pool (10)"));
    }
}
