package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.testkit.TestConfig;
import java.util.function.UnaryOperator;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.task.ResponseCapture;
import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.WarcReaders;
import dev.crawlcase.crawler.testkit.WarcReaders.Capture;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.RobotsSpec;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The WARC archive in every mode, against the fake sites: every attempt the records count is in it (a response
 * record, or a metadata record where no response came), the last response of each URL has the record's status, files
 * rotate, both independent readers accept every file, and the four modes archive the same content.
 */
class WarcModeTest {
    /** Small enough that the world fills several files. */
    private static final long FILE_BYTES = 256 * 1024;

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    /** The sites on a Vert.x of their own, so a crawl never slows the server it measures against. */
    private FakeWorld start(WorldConfig config) {
        return CrawlcaseExtension.await(FakeWorld.start(kit.vertx(), config));
    }

    private TestCrawl crawl(Mode mode, FakeWorld world, Path out) {
        return crawl(mode, world, out, c -> c);
    }

    private TestCrawl crawl(Mode mode, FakeWorld world, Path out, UnaryOperator<TestConfig> more) {
        CrawlConfig config = TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 16, out, world.seedUrls(),
                c -> more.apply(c.perHostConcurrency(4).warc(out.resolve("warc"), FILE_BYTES)
                        .recordDetail(RecordDetail.FULL)));
        return TestCrawl.run(kit.vertx(), config);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyAttemptIsArchivedAndBothReadersAcceptTheFiles(Mode mode) throws Exception {
        assumeTrue(mode.unavailableReason().isEmpty(), () -> mode.unavailableReason().orElseThrow());
        assumeTrue(ModeVerticles.archives(mode), "poll and selector refuse --warc (WarcFlagsTest)");
        FakeWorld world = start(ModeContractTest.world());
        TestCrawl crawl = crawl(mode, world, dir);

        List<Path> files = WarcReaders.files(dir.resolve("warc"));
        assertThat(files).hasSizeGreaterThan(1);
        List<Capture> captures = WarcReaders.read(files);
        assertThat(captures).filteredOn(c -> c.type().equals("warcinfo")).hasSize(files.size());
        WarcReaders.assertMatchesRecords(captures, crawl.records());
        long pages = crawl.records().stream().filter(r -> r.outcome() == Outcome.FETCHED).count();
        assertThat(captures).filteredOn(c -> c.type().equals("response") && c.status() == 200
                && c.truncated().equals("NOT_TRUNCATED") && c.headers().contains("text/html")).hasSizeGreaterThanOrEqualTo((int) pages);

        WarcReaders.validateWithJwarc(files);
        List<JsonObject> warcio = WarcReaders.readWithWarcio(files);
        assertThat(warcio).extracting(j -> j.getString("type"))
                .containsExactlyElementsOf(captures.stream().map(Capture::type).toList());
        List<String> warcioResponses = warcio.stream().filter(j -> "response".equals(j.getString("type")))
                .map(j -> j.getString("uri") + " " + j.getInteger("status") + " " + j.getString("sha1")).toList();
        assertThat(warcioResponses).containsExactlyElementsOf(captures.stream().filter(c -> c.type().equals("response"))
                .map(c -> c.uri() + " " + c.status() + " " + c.payloadSha1()).toList());
    }

    /** A world without faults, so every mode makes exactly the same requests and gets the same answers. */
    static WorldConfig calmWorld() {
        SiteSpec a = SiteSpec.named("alpha").withPages(40, 4).withLatency(Distribution.fixed(1))
                .withRobots(new RobotsSpec(List.of("/private/"), 0));
        SiteSpec b = SiteSpec.named("beta").withPages(30, 3).withLatency(Distribution.fixed(1));
        return WorldConfig.of(11, a, b);
    }

    @Test
    void everyModeArchivesAndRecordsTheSameContent() throws Exception {
        FakeWorld world = start(calmWorld());
        // the same requests in every mode: no attempt may time out on a busy machine (a failed attempt is archived)
        UnaryOperator<TestConfig> patient = c -> c.timeouts(5_000, 5_000, 10_000);
        Map<Mode, List<String>> archived = new EnumMap<>(Mode.class);
        Map<Mode, List<String>> recorded = new EnumMap<>(Mode.class);
        for (Mode mode : Mode.values()) {
            if (mode.unavailableReason().isPresent() || !ModeVerticles.archives(mode)) {
                continue;
            }
            Path out = dir.resolve(mode.label());
            TestCrawl crawl = crawl(mode, world, out, patient);
            recorded.put(mode, crawl.records().stream()
                    .map(r -> CrawlRecordJson.toJson(r).put("fetchMs", 0).put("mode", "any").encode()).sorted().toList());
            List<String> lines = new ArrayList<>();
            for (Capture c : WarcReaders.read(WarcReaders.files(out.resolve("warc")))) {
                if (!c.type().equals("warcinfo")) {
                    lines.add(c.type() + " " + c.uri() + " " + c.status() + " " + c.payloadSha1() + " " + c.truncated()
                            + "\n" + c.headers());
                }
            }
            lines.sort(null);
            archived.put(mode, lines);
        }
        List<String> async = archived.get(Mode.ASYNC);
        assertThat(async).isNotEmpty();
        archived.forEach((mode, lines) -> assertThat(lines).as("%s against async", mode).isEqualTo(async));
        List<String> asyncRecords = recorded.get(Mode.ASYNC);
        assertThat(asyncRecords).anyMatch(line -> line.contains("\"sha256\""));
        recorded.forEach((mode, lines) -> assertThat(lines).as("%s records against async", mode).isEqualTo(asyncRecords));
    }

    @Test
    void aFullRecordHoldsThePagesDigestLinksAndHeaders() throws Exception {
        FakeWorld world = start(calmWorld());
        TestCrawl crawl = crawl(Mode.ASYNC, world, dir);
        Map<String, Capture> responses = WarcReaders.read(WarcReaders.files(dir.resolve("warc"))).stream()
                .filter(c -> c.type().equals("response")).collect(Collectors.toMap(Capture::uri, c -> c, (a, b) -> b));
        List<CrawlRecord> pages = crawl.records().stream().filter(r -> r.outcome() == Outcome.FETCHED).toList();
        assertThat(pages).isNotEmpty().allSatisfy(r -> {
            PageDetails d = r.details();
            assertThat(d.sha256()).as("digest of %s", r.url()).isEqualTo(responses.get(r.url()).payloadSha256());
            assertThat(d.outlinks()).hasSize(r.links());
            assertThat(d.headers()).extracting(ResponseCapture.Header::name).contains("content-type");
        });
        assertThat(crawl.records()).filteredOn(r -> r.outcome() != Outcome.FETCHED)
                .allSatisfy(r -> assertThat(r.details()).isNull());
        assertThat(pages).anySatisfy(r -> assertThat(r.details().dropped()).isNotEmpty());
    }
}
