package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.testkit.TestConfig;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * robots.txt by RFC 9309 in every mode, against real loopback servers: redirects are followed (five hops, across
 * hosts) and the final rules bind the host that was asked; an unreachable robots.txt (a loop of redirects, a
 * timeout, a reset, garbage instead of HTTP) disallows every page, which is then never requested.
 */
class BadInputRobotsTest extends BadInputCrawlTest {
    private static final String RULES = "User-agent: *\nDisallow: /private\n";
    private static final String HOME = "<title>home</title><a href=\"/private/a\">p</a><a href=\"/ok\">ok</a>";

    private TestCrawl crawl(Mode mode, String seed, UnaryOperator<TestConfig> more) {
        BadInputServersTest.assumeAvailable(mode);
        return TestCrawl.run(vertx, TestCrawl.config(mode, mode == Mode.SEQUENTIAL ? 1 : 8, dir, List.of(seed),
                more));
    }

    private static void redirect(HttpServerRequest request, int status, String location) {
        request.response().setStatusCode(status).putHeader("Location", location).end();
    }

    private static void robots(HttpServerRequest request) {
        request.response().putHeader("Content-Type", "text/plain").end(RULES);
    }

    /** The home page and /ok as HTML; false for any other path. */
    private static boolean pages(HttpServerRequest request) {
        switch (request.path()) {
            case "/" -> BadInputSites.html(request, HOME);
            case "/ok", "/private/a" -> BadInputSites.html(request, "<title>page</title>");
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void assertObeyed(TestCrawl crawl, BadInputSites.Site site) {
        assertThat(crawl.records()).extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason)
                .containsExactlyInAnyOrder(tuple(site.url("/"), Outcome.FETCHED, null),
                        tuple(site.url("/ok"), Outcome.FETCHED, null),
                        tuple(site.url("/private/a"), Outcome.SKIPPED, "robots"));
        assertThat(site.requests("/private/a")).as("disallowed page requested").isZero();
        assertThat(site.requests("/ok")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRobotsTxtBehindOneRedirectIsObeyed(Mode mode) {
        BadInputSites.Site site = sites.http(request -> {
            if (request.path().equals("/robots.txt")) {
                redirect(request, 301, "/moved/robots.txt");
            } else if (request.path().equals("/moved/robots.txt")) {
                robots(request);
            } else if (!pages(request)) {
                BadInputSites.notFound(request);
            }
        });
        TestCrawl crawl = crawl(mode, site.url("/"), c -> c);
        assertObeyed(crawl, site);
        assertThat(site.requests("/moved/robots.txt")).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRobotsTxtBehindAChainOfFiveRedirectsAcrossHostsIsObeyedForTheAskingHost(Mode mode) {
        AtomicReference<String> home = new AtomicReference<>();
        BadInputSites.Site other = sites.http(request -> {
            switch (request.path()) {
                case "/r1" -> redirect(request, 302, home.get() + "/r2");
                case "/r3" -> redirect(request, 308, home.get() + "/r4");
                case "/final.txt" -> robots(request);
                default -> BadInputSites.notFound(request);
            }
        });
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/robots.txt" -> redirect(request, 301, other.url("/r1"));
                case "/r2" -> redirect(request, 307, other.url("/r3"));
                case "/r4" -> redirect(request, 303, other.url("/final.txt"));
                default -> {
                    if (!pages(request)) {
                        BadInputSites.notFound(request);
                    }
                }
            }
        });
        home.set(site.base());
        TestCrawl crawl = crawl(mode, site.url("/"), c -> c);
        assertObeyed(crawl, site);
        assertThat(other.requests("/final.txt")).isEqualTo(1);
        assertThat(other.requests("/robots.txt")).as("the other host is not crawled").isZero();
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectLoopLeavesRobotsUnreachableAndNoPageIsRequested(Mode mode) {
        BadInputSites.Site site = sites.http(request -> {
            switch (request.path()) {
                case "/robots.txt" -> redirect(request, 301, "/loop");
                case "/loop" -> redirect(request, 301, "/robots.txt");
                default -> {
                    if (!pages(request)) {
                        BadInputSites.notFound(request);
                    }
                }
            }
        });
        TestCrawl crawl = crawl(mode, site.url("/"), c -> c);
        assertUnreachable(crawl, site.url("/"));
        assertThat(site.requests("/")).isZero();
        assertThat(site.requests("/robots.txt") + site.requests("/loop")).as("the first fetch and five redirects")
                .isEqualTo(6);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRobotsTxtThatTimesOutDisallowsAll(Mode mode) {
        RawHost host = rawHost(socket -> { });
        assertUnreachable(crawl(mode, host.url(), c -> c.timeouts(500, 300, 700).retries(1, 1, 5)), host.url());
        assertThat(host.paths()).as("only robots.txt was asked for").containsOnlyKeys("/robots.txt");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRobotsTxtWhoseConnectionIsResetDisallowsAll(Mode mode) {
        RawHost host = rawHost(NetSocket::close);
        assertUnreachable(crawl(mode, host.url(), c -> c.retries(1, 1, 5)), host.url());
        assertThat(host.paths()).containsOnlyKeys("/robots.txt");
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void garbageInsteadOfARobotsTxtDisallowsAll(Mode mode) {
        RawHost host = rawHost(socket -> socket.write("SSH-2.0-OpenSSH_9.6 not http at all\r\n\r\n")
                .onComplete(ar -> socket.close()));
        assertUnreachable(crawl(mode, host.url(), c -> c.retries(1, 1, 5)), host.url());
        assertThat(host.paths()).containsOnlyKeys("/robots.txt");
    }

    private static void assertUnreachable(TestCrawl crawl, String seed) {
        assertThat(crawl.records()).extracting(CrawlRecord::url, CrawlRecord::outcome, CrawlRecord::reason,
                CrawlRecord::status).containsExactly(tuple(seed, Outcome.SKIPPED, "robots_unreachable", null));
    }

    /** A raw loopback host: the base URL's home page, and how often each path was asked for. */
    private record RawHost(String base, Queue<String> requested) {
        String url() {
            return base + "/";
        }

        Map<String, Long> paths() {
            return requested.stream().collect(Collectors.groupingBy(p -> p, Collectors.counting()));
        }
    }

    /**
     * A raw TCP host whose sockets close with a TCP reset (SO_LINGER 0): {@code robots} answers robots.txt, every
     * other request gets a small HTML page linking nowhere.
     */
    private RawHost rawHost(Handler<NetSocket> robots) {
        Queue<String> requested = new ConcurrentLinkedQueue<>();
        byte[] page = "<title>page</title>".getBytes(StandardCharsets.UTF_8);
        NetServer server = join(vertx.createNetServer(new NetServerOptions().setHost("127.0.0.1").setSoLinger(0))
                .connectHandler(socket -> socket.handler(data -> {
                    String[] line = data.toString(StandardCharsets.ISO_8859_1).split(" ", 3);
                    String path = line.length > 1 ? line[1] : "";
                    requested.add(path);
                    if (path.equals("/robots.txt")) {
                        robots.handle(socket);
                    } else {
                        socket.write("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: " + page.length
                                + "\r\n\r\n" + new String(page, StandardCharsets.UTF_8));
                    }
                })).listen(0));
        return new RawHost("http://127.0.0.1:" + server.actualPort(), requested);
    }

    private static <T> T join(Future<T> f) {
        return f.toCompletionStage().toCompletableFuture().join();
    }
}
