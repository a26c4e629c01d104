package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.datagram.DatagramSocket;
import io.vertx.core.dns.AddressResolverOptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * A loopback name is never resolved, in any mode. The crawl's Vert.x resolves through a fake DNS server on loopback
 * that counts every query and answers none, with an empty hosts file, so a lookup of {@code localhost} would both
 * fail the crawl and be counted. The seed is spelled in upper case with the root dot, as a hostile page might.
 * The JDK client (sequential, thread-pool) does not use Vert.x's resolver: what proves it for that family is that
 * it is given the address literal to connect to ({@code fetch.LoopbackGuard.connectUri}, in LoopbackGuardTest).
 */
class LoopbackNamesTest extends BadInputCrawlTest {

    @ParameterizedTest
    @EnumSource(Mode.class)
    void localhostIsFetchedWithoutAnyDnsQuery(Mode mode) {
        BadInputServersTest.assumeAvailable(mode);
        AtomicInteger queries = new AtomicInteger();
        DatagramSocket dns = CrawlcaseExtension.await(kit.vertx().createDatagramSocket()
                .handler(packet -> queries.incrementAndGet()).listen(0, "127.0.0.1"));
        Vertx crawler = kit.adopt(Vertx.builder().with(new VertxOptions().setAddressResolverOptions(
                new AddressResolverOptions().setServers(List.of("127.0.0.1:" + dns.localAddress().port()))
                        .setHostsValue(Buffer.buffer("# nothing\n")).setSearchDomains(List.of())
                        .setQueryTimeout(500).setMaxQueries(1))).build());
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/" -> BadInputSites.html(request, "<title>home</title><a href=\"/next\">n</a>");
                case "/next" -> BadInputSites.html(request, "<title>next</title>");
                default -> BadInputSites.notFound(request);
            }
        });
        String port = site.base().substring(site.base().lastIndexOf(':') + 1);
        TestCrawl crawl = TestCrawl.run(crawler, TestCrawl.config(mode, 2, dir, List.of("http://LOCALHOST.:" + port + "/"),
                BadInputLinksTest::patient));

        assertThat(crawl.records()).extracting(CrawlRecord::url, CrawlRecord::outcome).containsExactlyInAnyOrder(
                tuple("http://localhost:" + port + "/", Outcome.FETCHED),
                tuple("http://localhost:" + port + "/next", Outcome.FETCHED));
        assertThat(queries).hasValue(0);
    }
}
