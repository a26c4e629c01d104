package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.testkit.Tags;
import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.Mode;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.CrawlRules;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.GroundTruth;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.FaultKind;
import dev.crawlcase.sites.config.FaultSpec;
import dev.crawlcase.sites.config.RobotsSpec;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The one suite every mode must pass, against the real fake sites on loopback: the same pages, each fetched
 * once, within the per-host limits, with one record per discovered URL.
 */
class ModeContractTest {
    static final int PER_HOST = 4;

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

    static FaultSpec lightFaults() {
        FaultSpec f = FaultSpec.none().withMaxFaultsPerUrl(2).withRetryAfterSeconds(1)
                .withPermanentPaths(List.of("/s2/p5.html"));
        for (FaultKind kind : FaultKind.values()) {
            f = f.with(kind, 0.02);
        }
        return f;
    }

    static WorldConfig world() {
        SiteSpec a = SiteSpec.named("alpha").withPages(60, 5).withLatency(Distribution.uniform(1, 8))
                .withLargePageBytes(600_000).withFaults(lightFaults())
                .withRobots(new RobotsSpec(List.of("/private/"), 0));
        SiteSpec b = SiteSpec.named("beta").withPages(40, 4).withLatency(Distribution.fixed(3)).withBandwidth(2_000_000)
                .withFaults(lightFaults()).withRobots(new RobotsSpec(List.of("/private/"), 0.005));
        return WorldConfig.of(7, a, b);
    }

    private FakeWorld start(WorldConfig config) {
        return FakeWorld.start(sitesVertx, config).toCompletionStage().toCompletableFuture().join();
    }

    /*
     * The parse-level cases (which links a page offers, which sitemaps are asked for) run on a blocking pool and on
     * the event loop only: those are decided after the fetch, by the parse stage and the frontier every mode shares.
     * What of them a mode's own fetcher carries (an X-Robots-Tag header, a robots.txt or sitemap answer) every mode
     * is tested on cheaply (PageDirectivesTest, BadInputRobotsTest, the sitemap-bomb case below); full crawls of the
     * slowest modes (sequential, processes) here would add over a minute to CI and no case.
     */
    private static final String PARSE_BLOCKING = "THREAD_POOL";
    private static final String PARSE_EVENT_LOOP = "ASYNC";

    static void assumeAvailable(Mode mode) {
        assumeTrue(ModeVerticles.unavailableReason(mode).isEmpty(),
                () -> ModeVerticles.unavailableReason(mode).orElseThrow());
    }

    /** TLS, HTTP/2 and content codings are for the modes built on a real client (see PlainHttpCheckTest). */
    static void assumeFullHttp(Mode mode) {
        assumeFalse(ModeVerticles.plainHttp11Only(mode), mode.label() + " speaks plain HTTP/1.1 only");
    }

    static int concurrency(Mode mode) {
        return mode == Mode.SEQUENTIAL ? 1 : 16;
    }

    /** One record per URL, one for every request the truth makes, and no URL answered 2xx twice. */
    private static void assertOneRecordPerUrlAndEachFetchedOnce(TestCrawl crawl, FakeWorld world, GroundTruth truth) {
        assertThat(crawl.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(crawl.byUrl().keySet()).containsAll(truth.requests().keySet());
        for (String url : world.counters().requestsPerUrl().keySet()) {
            assertThat(world.counters().okResponses(url)).as("2xx responses for %s", url).isLessThanOrEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void crawlsExactlyTheGroundTruthOnceEachWithinThePerHostLimit(Mode mode) {
        assumeAvailable(mode);
        FakeWorld world = start(world());
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.perHostConcurrency(PER_HOST));
        TestCrawl crawl = TestCrawl.run(vertx, config);
        GroundTruth truth = world.groundTruth(CrawlRules.defaults());

        assertThat(crawl.fetchedPages()).isEqualTo(truth.pages());
        assertOneRecordPerUrlAndEachFetchedOnce(crawl, world, truth);
        // The JDK client (blocking modes) silently resends a GET once when a reused keep-alive connection is
        // closed before any response (the fake sites' reset and empty-response faults look exactly like that);
        // the processes mode's workers fetch with that client too.
        int hiddenRetries = mode == Mode.SEQUENTIAL || mode == Mode.THREAD_POOL || mode == Mode.PROCESSES ? 1 : 0;
        crawl.records().stream().filter(r -> r.status() != null).forEach(r ->
                assertThat(world.counters().requests(r.url())).as("requests for %s", r.url())
                        .isBetween(r.attempts(), r.attempts() * (1 + hiddenRetries)));
        int limit = mode == Mode.SEQUENTIAL ? 1 : PER_HOST;
        for (String site : world.baseUrls().keySet()) {
            assertThat(world.counters().peakConcurrent(site)).as("peak on %s", site).isBetween(1, limit);
        }
        assertThat(crawl.records()).allSatisfy(r -> assertThat(r.mode()).isEqualTo(mode));
        assertThat(crawl.summary().pages()).isEqualTo(truth.pages().size());
        // identity coding: what travelled is what was decoded
        assertThat(crawl.records()).filteredOn(r -> r.outcome() == Outcome.FETCHED && !r.truncated())
                .allSatisfy(r -> {
                    assertThat(r.httpVersion()).as("version of %s", r.url()).isEqualTo(HttpProtocol.HTTP_1_1);
                    assertThat(r.wireBytes()).as("wire bytes of %s", r.url()).isEqualTo(r.bytes());
                });
    }


    @ParameterizedTest
    @EnumSource(Mode.class)
    void robotsAndTheTrapAndDepthLimitsHold(Mode mode) {
        assumeAvailable(mode);
        FakeWorld world = start(world());
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(), c -> c.maxDepth(3));
        TestCrawl crawl = TestCrawl.run(vertx, config);

        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults().withMaxDepth(3)).pages());
        Map<String, Long> robotsSkips = crawl.records().stream().filter(r -> "robots".equals(r.reason()))
                .collect(Collectors.groupingBy(r -> r.url().contains("/private/") ? "private" : "other", Collectors.counting()));
        assertThat(robotsSkips).containsOnlyKeys("private");
        assertThat(crawl.records()).filteredOn(r -> "depth".equals(r.reason())).isNotEmpty()
                .allSatisfy(r -> assertThat(r.depth()).isEqualTo(4));
        assertThat(crawl.records()).filteredOn(r -> r.outcome().equals(Outcome.FETCHED))
                .allSatisfy(r -> assertThat(r.depth()).isLessThanOrEqualTo(3));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void withoutRobotsTheDisallowedPagesAreFetchedToo(Mode mode) {
        assumeAvailable(mode);
        FakeWorld world = start(world());
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(), c -> c.obeyRobots(false));
        TestCrawl crawl = TestCrawl.run(vertx, config);
        assertThat(crawl.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults().withObeyRobots(false)).pages());
        assertThat(crawl.fetchedPages().keySet()).anyMatch(u -> u.contains("/private/"));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void thePageLimitStopsTheCrawlAndEveryUrlStillHasOneRecord(Mode mode) {
        assumeAvailable(mode);
        FakeWorld world = start(world());
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(), c -> c.maxPages(25));
        TestCrawl crawl = TestCrawl.run(vertx, config);
        long leasedPages = crawl.records().stream().filter(r -> r.status() != null || r.attempts() > 0).count();
        assertThat(leasedPages).isLessThanOrEqualTo(25);
        assertThat(crawl.records()).filteredOn(r -> "page_limit".equals(r.reason())).isNotEmpty();
        assertThat(crawl.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aSiteThatNeverAnswersIsFinishedWithinItsTimeouts(Mode mode) {
        assumeAvailable(mode);
        FaultSpec hangs = FaultSpec.none().with(FaultKind.HANG, 1.0).withMaxFaultsPerUrl(1000).withRobotsTxt(true);
        FakeWorld world = start(WorldConfig.of(3, SiteSpec.named("stuck").withPages(10, 2).withFaults(hangs)));
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.retries(1, 1, 5));
        TestCrawl crawl = TestCrawl.run(vertx, config);
        assertThat(crawl.fetchedPages()).isEmpty();
        assertThat(crawl.records()).isNotEmpty();
        // robots.txt hangs too: unreachable, so every page is skipped unrequested (RFC 9309: complete disallow).
        assertThat(crawl.records()).filteredOn(r -> r.outcome().equals(Outcome.FAILED) || "robots".equals(r.reason())
                || "robots_unreachable".equals(r.reason())).hasSize(crawl.records().size());
    }

    /** The usual world, both sites serving sitemaps (robots.txt line, index, gzip'd sitemap, hidden pages, a bomb). */
    /** The world without faults: what a fault does to the other streams of a multiplexed connection is not ground truth. */
    static WorldConfig calmWorld() {
        WorldConfig w = world();
        return w.withSites(w.sites().stream().map(s -> s.withFaults(FaultSpec.none())).toList());
    }

    static WorldConfig sitemapWorld() {
        WorldConfig w = world();
        return w.withSites(w.sites().stream().map(s -> s.withSitemaps(true)).toList());
    }

    /** Truth's requests of one kind, URL -> depth. */
    private static Map<String, Integer> ofKind(GroundTruth truth, GroundTruth.Kind kind) {
        return truth.requests().values().stream().filter(r -> r.kind() == kind)
                .collect(Collectors.toMap(GroundTruth.Request::url, GroundTruth.Request::depth));
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    @Tag(Tags.NEWEST_JDK)
    void sitemapsNamedByRobotsAddTheirPagesOneHopBelowAndABombEndsInOneRecord(Mode mode) {
        assumeAvailable(mode);
        FakeWorld world = start(sitemapWorld());
        // a 1 MiB bound refuses the 64 MiB bomb as the default 50 MiB does, without inflating 50 MiB per site on a
        // machine whose load could then time out the large page (a second 2xx below)
        CrawlConfig config = TestCrawl.config(mode, concurrency(mode), dir, world.seedUrls(),
                c -> c.perHostConcurrency(PER_HOST).sitemapLimits(1 << 20, 50_000, 2));
        TestCrawl crawl = TestCrawl.run(vertx, config);
        GroundTruth truth = world.groundTruth(CrawlRules.defaults());

        assertThat(crawl.fetchedPages()).isEqualTo(truth.pages());
        assertThat(truth.pages().keySet()).as("pages only a sitemap names").anyMatch(u -> u.contains("/hidden/"));
        Map<String, Integer> read = crawl.records().stream()
                .filter(r -> r.kind() == FetchTask.Kind.SITEMAP && r.outcome() == Outcome.FETCHED)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::depth));
        assertThat(read).isEqualTo(ofKind(truth, GroundTruth.Kind.SITEMAP));
        assertThat(crawl.records()).filteredOn(r -> r.kind() == FetchTask.Kind.SITEMAP && r.outcome() != Outcome.FETCHED)
                .extracting(CrawlRecord::url, CrawlRecord::reason).containsExactlyInAnyOrderElementsOf(
                        ofKind(truth, GroundTruth.Kind.SITEMAP_REFUSED).keySet().stream()
                                .map(u -> org.assertj.core.groups.Tuple.tuple(u, "sitemap_too_large")).toList());
        assertOneRecordPerUrlAndEachFetchedOnce(crawl, world, truth);
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {PARSE_BLOCKING, PARSE_EVENT_LOOP})
    @Tag(Tags.NEWEST_JDK)
    void sitemapsOffFindNoHiddenPageAndAlwaysAsksForSitemapXmlWhereRobotsNamesNone(Mode mode) {
        assumeAvailable(mode);
        WorldConfig w = calmWorld();
        // alpha names its sitemaps in robots.txt, beta serves none: "always" asks beta for /sitemap.xml (a 404)
        FakeWorld world = start(w.withSites(List.of(w.sites().get(0).withSitemaps(true), w.sites().get(1))));
        TestCrawl off = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("off"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).sitemaps("off")));
        GroundTruth offTruth = world.groundTruth(CrawlRules.defaults().withSitemaps(CrawlRules.Sitemaps.OFF));
        assertThat(off.fetchedPages()).isEqualTo(offTruth.pages());
        assertThat(off.fetchedPages().keySet()).noneMatch(u -> u.contains("/hidden/"));
        assertThat(off.sitemaps()).isEmpty();

        TestCrawl always = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("always"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).sitemaps("always")));
        GroundTruth alwaysTruth = world.groundTruth(CrawlRules.defaults().withSitemaps(CrawlRules.Sitemaps.ALWAYS));
        assertThat(always.fetchedPages()).isEqualTo(alwaysTruth.pages());
        assertThat(always.fetchedPages().keySet()).anyMatch(u -> u.contains("/hidden/"));
        String betaProbe = world.baseUrls().get("beta") + "sitemap.xml";
        assertThat(always.byUrl().get(betaProbe)).satisfies(r -> {
            assertThat(r.kind()).isEqualTo(FetchTask.Kind.SITEMAP);
            assertThat(r.reason()).isEqualTo("http_404");
            assertThat(r.depth()).isZero();
        });
        assertThat(always.sitemaps()).doesNotContainKey(world.baseUrls().get("alpha") + "sitemap.xml");
    }

    /** URL -> the URL it is a duplicate of, for every record marked one. */
    static Map<String, String> duplicates(TestCrawl crawl) {
        return crawl.records().stream().filter(r -> r.duplicateOf() != null)
                .collect(Collectors.toMap(CrawlRecord::url, CrawlRecord::duplicateOf));
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {PARSE_BLOCKING, PARSE_EVENT_LOOP})
    @Tag(Tags.NEWEST_JDK)
    void theSitesPageDirectivesAreObeyedOrNotToTheExactGroundTruth(Mode mode) {
        assumeAvailable(mode);
        WorldConfig w = calmWorld();
        FakeWorld world = start(w.withSites(List.of(w.sites().get(0).withDirectives(true), w.sites().get(1))));
        String alpha = world.baseUrls().get("alpha");
        TestCrawl obeyed = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("obeyed"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).recordDetail(RecordDetail.FULL)));
        assertThat(obeyed.fetchedPages()).isEqualTo(world.groundTruth(CrawlRules.defaults()).pages());
        assertThat(obeyed.fetchedPages().keySet()).filteredOn(u -> u.contains("/directives/behind-"))
                .containsExactly(alpha + "directives/behind-noindex.html");
        Map<String, CrawlRecord> byUrl = obeyed.byUrl();
        assertThat(byUrl.get(alpha + "directives/meta-nofollow.html").robots()).isEqualTo("nofollow");
        assertThat(byUrl.get(alpha + "directives/header-nofollow.html").robots()).isEqualTo("nofollow");
        assertThat(byUrl.get(alpha + "directives/none.html").robots()).isEqualTo("none");
        assertThat(byUrl.get(alpha + "directives/noindex.html").robots()).isEqualTo("noindex,noarchive");
        assertThat(byUrl.get(alpha + "directives/meta-nofollow.html").links()).isZero();
        assertThat(byUrl.get(alpha + "directives/canonical.html").details().canonical()).isEqualTo(alpha + "s1/p1.html");
        // one body at three URLs: the shallowest, then smallest, URL is the original whichever was fetched first
        assertThat(duplicates(obeyed)).isEqualTo(world.groundTruth(CrawlRules.defaults()).duplicates())
                .containsEntry(alpha + "directives/dup-a.html", alpha + "directives/dup-b.html")
                .containsEntry(alpha + "directives/dup-c.html", alpha + "directives/dup-b.html");

        TestCrawl ignored = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("ignored"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).obeyPageDirectives(false)));
        assertThat(ignored.fetchedPages())
                .isEqualTo(world.groundTruth(CrawlRules.defaults().withObeyPageDirectives(false)).pages());
        assertThat(ignored.fetchedPages().keySet()).filteredOn(u -> u.contains("/directives/behind-")).hasSize(4);
        assertThat(ignored.records()).as("basic records carry no digest").allSatisfy(r -> assertThat(r.duplicateOf()).isNull());
    }

    @ParameterizedTest
    @EnumSource(value = Mode.class, names = {PARSE_BLOCKING, PARSE_EVENT_LOOP})
    @Tag(Tags.NEWEST_JDK)
    void linkElementsAndFramesAreFollowedOnlyWhenTheirSourceIsOnToTheExactGroundTruth(Mode mode) {
        assumeAvailable(mode);
        WorldConfig w = calmWorld();
        FakeWorld world = start(w.withSites(List.of(w.sites().get(0).withLinkSources(true), w.sites().get(1))));
        String alpha = world.baseUrls().get("alpha");
        TestCrawl anchors = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("anchors"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).timeouts(2_000, 2_000, 10_000)));
        GroundTruth anchorsTruth = world.groundTruth(CrawlRules.defaults());
        assertThat(anchors.fetchedPages()).isEqualTo(anchorsTruth.pages());
        assertThat(anchors.fetchedPages().keySet()).filteredOn(u -> u.startsWith(alpha + "sources/"))
                .containsExactlyInAnyOrder(alpha + "sources/embeds.html", alpha + "sources/frames.html");
        assertThat(anchors.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(anchors.byUrl().keySet()).containsAll(anchorsTruth.requests().keySet());
        anchorsTruth.pages().keySet().forEach(url ->
                assertThat(world.counters().okResponses(url)).as("2xx responses for %s", url).isOne());

        TestCrawl all = TestCrawl.run(vertx, TestCrawl.config(mode, concurrency(mode), dir.resolve("all"),
                world.seedUrls(), c -> c.perHostConcurrency(PER_HOST).timeouts(2_000, 2_000, 10_000).linkSources("a", "link", "frame")));
        GroundTruth allTruth = world.groundTruth(CrawlRules.defaults().withLinkSources(Set.of(
                CrawlRules.LinkSource.A, CrawlRules.LinkSource.LINK, CrawlRules.LinkSource.FRAME)));
        assertThat(all.fetchedPages()).isEqualTo(allTruth.pages());
        assertThat(all.fetchedPages()).containsEntry(alpha + "sources/alternate-de.html", 2)
                .containsEntry(alpha + "sources/next.html", 2).containsEntry(alpha + "sources/iframe.html", 2)
                .containsEntry(alpha + "sources/frame-left.html", 2).containsEntry(alpha + "sources/frame-right.html", 2);
        // every request the truth makes has its one record, the root's canonical (a 404) too (the sites' counters
        // hold both crawls now: each page answered 2xx once per crawl)
        assertThat(all.records()).extracting(CrawlRecord::url).doesNotHaveDuplicates();
        assertThat(all.byUrl().keySet()).containsAll(allTruth.requests().keySet());
        allTruth.pages().keySet().forEach(url -> assertThat(world.counters().okResponses(url))
                .as("2xx responses for %s", url).isEqualTo(anchorsTruth.pages().containsKey(url) ? 2 : 1));
        assertThat(allTruth.requests().get(alpha + "index.html").kind()).isEqualTo(GroundTruth.Kind.MISSING);
        assertThat(all.byUrl().get(alpha + "index.html").reason()).isEqualTo("http_404");
        assertThat(anchors.byUrl()).doesNotContainKey(alpha + "index.html");
    }
}
