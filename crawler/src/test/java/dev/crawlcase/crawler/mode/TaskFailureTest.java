package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.parse.LinkNormalizer;
import dev.crawlcase.crawler.run.CrawlReport;
import dev.crawlcase.crawler.run.CrawlRunner;
import dev.crawlcase.crawler.run.CrawlSetup;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A task whose parse throws gets its record (failed, io, after the usual retries) and the one worker that ran it
 * goes on to the next task, in every mode. One request in flight: a worker that died with its task would leave the
 * crawl without anyone to fetch the rest, and the run would never end.
 */
class TaskFailureTest extends BadInputCrawlTest {
    private static final String TRAP = "trap";

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aParseThatThrowsFailsItsTaskAndTheWorkerGoesOn(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/" -> BadInputSites.html(request, "<title>home</title><a href=/boom>b</a> <a href=/ok>o</a>");
                case "/boom" -> BadInputSites.html(request, "<title>boom</title><a href=" + TRAP + ">t</a>");
                case "/ok" -> BadInputSites.html(request, "<title>ok</title>");
                default -> BadInputSites.notFound(request);
            }
        });
        CrawlConfig config = TestCrawl.config(mode, 1, dir, List.of(site.url("/")), c -> BadInputLinksTest.patient(c)
                .retries(1, 1, 5));
        Map<String, CrawlRecord> records = crawlWithFailingParser(config).byUrl();

        assertThat(records).containsOnlyKeys(site.url("/"), site.url("/boom"), site.url("/ok"));
        assertThat(records.get(site.url("/ok")).outcome()).isEqualTo(Outcome.FETCHED);
        assertThat(records.get(site.url("/boom")))
                .extracting(CrawlRecord::outcome, CrawlRecord::reason, CrawlRecord::attempts)
                .containsExactly(Outcome.FAILED, "io", 2);
    }

    /** The crawl with no fetcher of its own, served by one fetch verticle whose link normaliser throws on TRAP. */
    private TestCrawl crawlWithFailingParser(CrawlConfig config) {
        CrawlAddresses addresses = new CrawlAddresses(UUID.randomUUID().toString());
        UrlNormalizer real = new UrlNormalizer(config.sortQuery());
        LinkNormalizer failing = (base, href) -> {
            if (href.equals(TRAP)) {
                throw new IllegalStateException("a parser bug, injected by the test");
            }
            return real.normalize(base, href);
        };
        FetcherSettings crawls = new CrawlSetup(config).fetcherSettings(addresses, 1, "test-" + config.mode().label());
        FetcherSettings settings = new FetcherSettings(crawls.addresses(), crawls.concurrency(), crawls.limits(),
                failing, crawls.respectNofollow(), crawls.fetcherId());
        CrawlcaseExtension.await(vertx.deployVerticle(ModeVerticles.create(config.mode(), settings),
                ModeVerticles.deploymentOptions(config.mode())));
        CrawlReport report = CrawlcaseExtension.await(new CrawlRunner(vertx, config, () -> 0, addresses, false).run());
        return new TestCrawl(report, TestCrawl.read(report.records()));
    }
}
