package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.ContentCoding;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static dev.crawlcase.crawler.mode.ModeContractTest.PER_HOST;
import static dev.crawlcase.crawler.mode.ModeContractTest.assumeAvailable;
import static dev.crawlcase.crawler.mode.ModeContractTest.assumeFullHttp;
import static dev.crawlcase.crawler.mode.ModeContractTest.calmWorld;
import static dev.crawlcase.crawler.mode.ModeContractTest.concurrency;
import static dev.crawlcase.crawler.mode.ModeContractTest.world;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mode contract on the wire, for the modes built on a real client: the same ground truth over HTTPS (and none
 * through an untrusted certificate), over HTTP/2 negotiated by ALPN or spoken in clear (h2c), over HTTP/1.1 only
 * when asked, and in every content coding the sites were asked for. The raw-socket rungs speak plain HTTP/1.1 only
 * and are skipped here ({@code PlainHttpCheckTest}).
 */
class WireContractTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;
    private Vertx vertx;
    private Vertx sitesVertx;

    @BeforeEach
    void setUp() {
        vertx = kit.vertx();
        sitesVertx = kit.vertx();
    }

    private FakeWorld start(WorldConfig config) {
        return FakeWorld.start(sitesVertx, config).toCompletionStage().toCompletableFuture().join();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void crawlsTheGroundTruthOverHttpsTrustingTheSitesCertificate(Mode mode) throws Exception {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        FakeWorld world = start(world().withTls(true));
        CrawlConfig config = trustingConfig(mode, world, c -> c);
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(world.seedUrls()).allSatisfy(seed -> assertThat(seed).startsWith("https://"));
        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(crawl.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(crawl.records()).noneSatisfy(r -> assertThat(r.reason()).startsWith("tls_"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anUntrustedCertificateFailsTheSeedsAsTlsCertificateWithoutOneRequest(Mode mode) {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        FakeWorld world = start(world().withTls(true));
        // a cold TLS server can take seconds for its first handshake: a timeout must not hide the certificate error
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.timeouts(10_000, 10_000, 20_000));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEmpty();
        assertThat(crawl.records()).extracting(CrawlRecord::url).containsExactlyInAnyOrderElementsOf(world.seedUrls());
        assertThat(crawl.records()).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.FAILED);
            assertThat(r.reason()).isEqualTo("tls_certificate");
            // one attempt at the page, or none when the failed handshake at robots.txt already failed the host
            assertThat(r.attempts()).as("an untrusted certificate is not retried").isLessThanOrEqualTo(1);
        });
        assertThat(world.counters().requestsPerUrl()).as("no HTTP request ever reached the sites").isEmpty();
    }

    /**
     * The quick test config, trusting a TLS world's own certificate, with time for TLS handshakes on a loaded
     * machine (more than the plain tests' 400 ms first-byte budget).
     */
    private CrawlConfig trustingConfig(Mode mode, FakeWorld world, UnaryOperator<TestConfig> more) throws IOException {
        Path pem = Files.writeString(dir.resolve("sites.pem"), world.certificatePem().orElseThrow());
        return TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(), c -> more.apply(
                c.perHostConcurrency(PER_HOST).trustCertificates(pem).timeouts(5_000, 2_500, 10_000)));
    }

    static Stream<Arguments> modesAndVersions() {
        return Stream.of(Mode.values()).flatMap(mode -> Stream.of("2", "auto").map(v -> Arguments.of(mode, v)));
    }

    @ParameterizedTest
    @MethodSource("modesAndVersions")
    void crawlsTheGroundTruthOverH2NegotiatedByAlpn(Mode mode, String version) throws Exception {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        FakeWorld world = start(calmWorld().withTls(true).withHttp2(true));
        CrawlConfig config = trustingConfig(mode, world, c -> c.httpVersion(version));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(world.counters().http2Requests()).as("requests the sites saw over h2")
                .isEqualTo(world.counters().totalRequests());
        assertServedOver(crawl, HttpProtocol.HTTP_2);
    }

    /** Every record of a response names the version that carried it; the fetched pages are all of them here. */
    private static void assertServedOver(TestCrawl crawl, HttpProtocol version) {
        assertThat(crawl.records()).filteredOn(r -> r.outcome() == Outcome.FETCHED).isNotEmpty()
                .allSatisfy(r -> assertThat(r.httpVersion()).as("version of %s", r.url()).isEqualTo(version));
        assertThat(crawl.records()).filteredOn(r -> r.status() != null)
                .allSatisfy(r -> assertThat(r.httpVersion()).as("version of %s", r.url()).isEqualTo(version));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void crawlsTheGroundTruthOverH2c(Mode mode) {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        FakeWorld world = start(calmWorld().withHttp2(true));
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.perHostConcurrency(PER_HOST).httpVersion("2").timeouts(5_000, 2_500, 10_000));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(world.counters().http2Requests()).as("requests the sites saw over h2c").isPositive();
        assertServedOver(crawl, HttpProtocol.HTTP_2);
    }

    /**
     * The JDK client fails a request at once when its one HTTP/2 connection to a host carries as many streams as the
     * server allows (JDK-8225647): a thread pool of 150 against one host over h2c must wait for streams, not lose
     * pages to "too many concurrent streams".
     */
    @Test
    void aThreadPoolOverHttp2WaitsForTheStreamsAHostAllows() {
        FakeWorld world = start(WorldConfig.of(7, SiteSpec.named("wide").withPages(400, 3)
                .withLatency(Distribution.fixed(200))).withHttp2(true));
        CrawlConfig config = TestCrawl.config(Mode.THREAD_POOL, 150, dir, world.seedUrls(),
                c -> c.perHostConcurrency(150).httpVersion("2").timeouts(5_000, 10_000, 30_000));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        // the servers' limit (Vert.x: 100 streams per connection), held by the crawler's own permits
        assertThat(world.counters().peakConcurrent("wide")).as("requests in flight at once").isLessThanOrEqualTo(100);
        assertServedOver(crawl, HttpProtocol.HTTP_2);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withHttp11TheSitesSeeNoH2Request(Mode mode) throws Exception {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        FakeWorld world = start(calmWorld().withTls(true).withHttp2(true));
        CrawlConfig config = trustingConfig(mode, world, c -> c);
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(world.counters().http2Requests()).isZero();
        assertServedOver(crawl, HttpProtocol.HTTP_1_1);
    }

    /**
     * Two codings per mode, in turn, so that every coding is crawled by a mode of each client family (the JDK's:
     * sequential, processes, thread-pool; Vert.x's: async, virtual, io-uring) without the whole cross product;
     * FetcherContractTest decodes every coding, and its bombs, in both families.
     */
    static Stream<Arguments> modesAndCodings() {
        ContentCoding[] codings = {ContentCoding.GZIP, ContentCoding.DEFLATE, ContentCoding.BR, ContentCoding.ZSTD};
        return Stream.of(Mode.values()).flatMap(mode -> Stream.of(codings[mode.ordinal() % 4],
                codings[(mode.ordinal() + 2) % 4]).map(coding -> Arguments.of(mode, coding)));
    }

    @ParameterizedTest
    @MethodSource("modesAndCodings")
    @Tag(Tags.NEWEST_JDK)
    void crawlsTheGroundTruthInEachContentCodingTheSitesWereAskedFor(Mode mode, ContentCoding coding) {
        assumeAvailable(mode);
        assumeFullHttp(mode);
        // the calm world: a coding changes how a body travels, not what faults do (those are the cases above), and
        // without Retry-After waits the 20 cases cost a third of the time
        FakeWorld world = start(calmWorld().withCoding(coding));
        // a calm world has no fault for a timeout to test: time enough for its 600 KB page on a busy machine
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.perHostConcurrency(PER_HOST).timeouts(5_000, 2_500, 10_000));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        // the sites encode only for a client whose Accept-Encoding names the coding
        assertThat(world.counters().encodedResponses()).isGreaterThanOrEqualTo(crawl.fetchedPages().size());
        assertThat(crawl.records()).filteredOn(r -> r.outcome().equals(Outcome.FETCHED))
                .allSatisfy(r -> assertThat(r.truncated()).as("decoded whole: %s", r.url()).isFalse());
        // the generated pages are markup and words: each travelled smaller than it decoded to
        assertThat(crawl.records()).filteredOn(r -> r.outcome().equals(Outcome.FETCHED))
                .allSatisfy(r -> assertThat(r.wireBytes()).as("wire bytes of %s", r.url()).isNotNull()
                        .isPositive().isLessThan(r.bytes()));
    }
}
