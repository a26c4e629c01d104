package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.fetch.RequestControls;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.LoopbackProxy;
import dev.crawlcase.crawler.testkit.LoopbackSocks5;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteAccess;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Request controls (extra headers, Accept-Language, Basic credentials per host, the cookie jar, an HTTP or SOCKS5
 * proxy) in every mode built on a real client, judged by what the sites and the proxy counted: the exact pages, and
 * the header, credentials, cookie and forwarded requests each server saw. poll and selector refuse these settings
 * ({@code PlainHttpCheckTest}); sequential and thread-pool (the JDK's client) refuse a SOCKS proxy.
 */
class RequestControlsContractTest {
    private static final String PASSWORD = "s3cret-pw";

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

    private static WorldConfig world(SiteAccess alphaAccess) {
        SiteSpec a = SiteSpec.named("alpha").withPages(30, 4).withLatency(Distribution.uniform(1, 4))
                .withAccess(alphaAccess);
        SiteSpec b = SiteSpec.named("beta").withPages(20, 3).withLatency(Distribution.fixed(2));
        return WorldConfig.of(11, a, b);
    }

    private FakeWorld start(WorldConfig config) {
        return FakeWorld.start(sitesVertx, config).toCompletionStage().toCompletableFuture().join();
    }

    private static void assumeRealClient(Mode mode) {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty(),
                () -> ModeVerticles.unavailableReason(mode).orElseThrow());
        assumeTrue(!ModeVerticles.plainHttp11Only(mode), mode.label() + " refuses request controls");
    }

    private TestCrawl crawl(Mode mode, FakeWorld world, UnaryOperator<TestConfig> more) {
        CrawlConfig config = TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir, world.seedUrls(),
                c -> more.apply(c.perHostConcurrency(4).timeouts(5_000, 2_500, 10_000)));
        return TestCrawl.run(vertx, config);
    }

    /** {@code host:port} of a site, as a host pattern names it. */
    private static String hostPort(FakeWorld world, String site) {
        URI base = URI.create(world.baseUrls().get(site));
        return base.getHost() + ":" + base.getPort();
    }

    private static long requestsAt(FakeWorld world, String site) {
        String base = world.baseUrls().get(site);
        return world.counters().requestsPerUrl().entrySet().stream().filter(e -> e.getKey().startsWith(base))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static Map<String, Integer> pagesAt(Map<String, Integer> pages, FakeWorld world, String site) {
        String base = world.baseUrls().get(site);
        return pages.entrySet().stream().filter(e -> e.getKey().startsWith(base))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void extraHeadersAndAcceptLanguageReachEveryRequestTheirPatternMatches(Mode mode) {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.OPEN));
        TestCrawl crawl = crawl(mode, world, c -> c.header("X-Crawl-Run", "r1").acceptLanguage("de-CH, en;q=0.5")
                .hostHeader(hostPort(world, "beta"), "X-Only-Beta", "b"));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        long total = world.counters().totalRequests();
        assertThat(world.counters().headerValues("x-crawl-run")).isEqualTo(Map.of("r1", total));
        assertThat(world.counters().headerValues("accept-language")).isEqualTo(Map.of("de-CH, en;q=0.5", total));
        assertThat(world.counters().headerValues("x-only-beta")).isEqualTo(Map.of("b", requestsAt(world, "beta")));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void basicCredentialsGoToTheirHostOnlyAndAreWrittenNowhere(Mode mode) throws Exception {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.basic("crawler", PASSWORD)));
        TestCrawl crawl = crawl(mode, world, c -> c.basicAuth(hostPort(world, "alpha"), "crawler", PASSWORD));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(world.counters().refused()).isZero();
        assertThat(world.counters().credentialsSeen()).isEqualTo(requestsAt(world, "alpha")).isPositive();
        // one value, sent exactly as often as alpha was asked: beta never saw the credentials
        assertThat(world.counters().headerValues("authorization").values()).containsExactly(requestsAt(world, "alpha"));
        String encoded = Base64.getEncoder().encodeToString(("crawler:" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        for (Path file : new Path[] {dir.resolve("records.jsonl"), dir.resolve("summary.json")}) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain(PASSWORD).doesNotContain(encoded);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutCredentialsTheGuardedSiteAnswersNothingButTheOtherIsCrawledWhole(Mode mode) {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.basic("crawler", PASSWORD)));
        TestCrawl crawl = crawl(mode, world, c -> c);

        Map<String, Integer> truth = world.groundTruth(CrawlRules.defaults()).pages();
        assertThat(pagesAt(crawl.fetchedPages(), world, "alpha")).isEmpty();
        assertThat(pagesAt(crawl.fetchedPages(), world, "beta")).isEqualTo(pagesAt(truth, world, "beta"));
        assertThat(world.counters().credentialsSeen()).isZero();
        assertThat(world.counters().refused()).isEqualTo(requestsAt(world, "alpha")).isPositive();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theCookieJarSendsBackWhatTheSiteSetAndOpensItsPages(Mode mode) {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.cookie("session=abc123")));
        TestCrawl crawl = crawl(mode, world, c -> c.cookies(true));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(world.counters().refused()).isZero();
        // every alpha request but the root (which sets the cookie) and robots.txt (open) carried it
        String base = world.baseUrls().get("alpha");
        String root = URI.create(base).resolve("/").toString();
        String robots = URI.create(base).resolve("/robots.txt").toString();
        long gated = world.counters().requestsPerUrl().entrySet().stream()
                .filter(e -> e.getKey().startsWith(base) && !e.getKey().equals(root) && !e.getKey().equals(robots))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(world.counters().cookieSeen()).isEqualTo(gated).isPositive();
        assertThat(world.counters().headerValues("cookie")).containsOnlyKeys("session=abc123");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutTheJarOnlyTheCookieSitesRootIsFetched(Mode mode) {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.cookie("session=abc123")));
        TestCrawl crawl = crawl(mode, world, c -> c);

        Map<String, Integer> truth = world.groundTruth(CrawlRules.defaults()).pages();
        Map<String, Integer> alphaRoot = pagesAt(truth, world, "alpha").entrySet().stream()
                .filter(e -> e.getValue() == 0).collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(alphaRoot).hasSize(1);
        assertThat(pagesAt(crawl.fetchedPages(), world, "alpha")).isEqualTo(alphaRoot);
        assertThat(pagesAt(crawl.fetchedPages(), world, "beta")).isEqualTo(pagesAt(truth, world, "beta"));
        assertThat(world.counters().cookieSeen()).isZero();
        assertThat(world.counters().refused()).isPositive();
        assertThat(world.counters().headerValues("cookie")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyRequestGoesThroughTheProxy(Mode mode) {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.OPEN));
        LoopbackProxy proxy = LoopbackProxy.start(kit.vertx());
        TestCrawl crawl = crawl(mode, world, c -> c.proxy(proxy.url()));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(proxy.forwarded()).isEqualTo(world.counters().totalRequests()).isPositive();
        assertThat(proxy.connects()).isZero();
        assertThat(proxy.refused()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void httpsGoesThroughTheProxyInConnectTunnels(Mode mode) throws Exception {
        assumeRealClient(mode);
        FakeWorld world = start(world(SiteAccess.OPEN).withTls(true));
        Path pem = Files.writeString(dir.resolve("sites.pem"), world.certificatePem().orElseThrow());
        LoopbackProxy proxy = LoopbackProxy.start(kit.vertx());
        TestCrawl crawl = crawl(mode, world, c -> c.proxy(proxy.url()).trustCertificates(pem));

        assertThat(world.seedUrls()).allSatisfy(seed -> assertThat(seed).startsWith("https://"));
        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(proxy.connects()).isPositive();
        assertThat(proxy.forwarded()).isZero();
        assertThat(proxy.refused()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyRequestGoesThroughASocks5ProxyInTheModesOnVertxsClient(Mode mode) {
        assumeRealClient(mode);
        assumeTrue(ModeVerticles.refusedControls(mode, SOCKS).isEmpty(), mode.label() + " refuses SOCKS (below)");
        FakeWorld world = start(world(SiteAccess.OPEN));
        LoopbackSocks5 socks = LoopbackSocks5.start(kit.vertx());
        TestCrawl crawl = crawl(mode, world, c -> c.proxy(socks.url()));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(socks.requestHeads()).as("requests relayed").isEqualTo(world.counters().totalRequests())
                .isPositive();
        assertThat(socks.connects()).isPositive();
        assertThat(socks.refused()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void httpsGoesThroughASocks5ProxyEndToEnd(Mode mode) throws Exception {
        assumeRealClient(mode);
        assumeTrue(ModeVerticles.refusedControls(mode, SOCKS).isEmpty(), mode.label() + " refuses SOCKS (below)");
        FakeWorld world = start(world(SiteAccess.OPEN).withTls(true));
        Path pem = Files.writeString(dir.resolve("sites.pem"), world.certificatePem().orElseThrow());
        LoopbackSocks5 socks = LoopbackSocks5.start(kit.vertx());
        TestCrawl crawl = crawl(mode, world, c -> c.proxy(socks.url()).trustCertificates(pem));

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(socks.connects()).isPositive();
        assertThat(socks.requestHeads()).as("nothing readable in a TLS tunnel").isZero();
        assertThat(socks.refused()).isZero();
    }

    /** The JDK's HttpClient has no SOCKS: its modes refuse in one line, exit 2, before one request or tunnel. */
    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {"SEQUENTIAL", "THREAD_POOL", "PROCESSES"})
    void theModesOnTheJdkClientRefuseASocksProxyBeforeAnyRequest(Mode mode) throws Exception {
        FakeWorld world = start(world(SiteAccess.OPEN));
        LoopbackSocks5 socks = LoopbackSocks5.start(kit.vertx());
        Path records = dir.resolve("r.jsonl");
        List<String> args = new ArrayList<>(List.of("run", "--mode", mode.label(),
                "--proxy", socks.url(), "--out", records.toString(), "--summary", dir.resolve("s.json").toString()));
        args.addAll(world.seedUrls());
        CliRun run = CliRun.of(args.toArray(String[]::new));

        assertThat(run.code()).as(run.err()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("crawler: fetch.proxy: " + mode.label() + " mode: the JDK's"
                + " HttpClient cannot go through a SOCKS proxy (" + socks.url() + "); use an http:// proxy, or mode"
                + " async, virtual or io-uring (Vert.x's client speaks SOCKS5)");
        assertThat(records).doesNotExist();
        assertThat(world.counters().totalRequests()).isZero();
        assertThat(socks.connects() + socks.refused()).isZero();
    }

    private static final RequestControls SOCKS = RequestControls.NONE.withProxy(
            RequestControls.Proxy.parse("proxy", "socks5://127.0.0.1:1080"));
}
