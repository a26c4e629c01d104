package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.config.CompareConfig;
import dev.crawlcase.crawler.config.CompareConfigLoader;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.testkit.CliRun;
import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.output.RunSummary;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.await;
import static org.assertj.core.api.Assertions.assertThat;

/** The end of a crawl says what happened: counts in the table, and why nothing was fetched when nothing was. */
class CrawlEndingTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private CliRun crawl(String seed) {
        return CliRun.of("run", "--quiet", "--mode", "async", "--out", dir.resolve("r.jsonl").toString(),
                "--summary", dir.resolve("s.json").toString(), seed);
    }

    private int server(int status) {
        HttpServer server = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(req -> req.response().setStatusCode(status).end("no"))
                .listen(0));
        return server.actualPort();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aSeedAnswering404EndsWithTheReasonAndItsOwnExitCode() {
        CliRun r = crawl("http://127.0.0.1:" + server(404) + "/");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NOTHING_FETCHED);
        assertThat(r.err()).contains("crawler: no page fetched; most common reason: http_404 (the server answered 404 "
                + "to the seed)");
    }

    @Test
    void theTableCarriesFailedAndSkippedCounts() {
        CliRun r = crawl("http://127.0.0.1:" + server(404) + "/");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).contains("pages", "failed", "skipped");
        String[] row = lines.get(2).trim().split("\\s+");
        assertThat(List.of(row[0], row[2], row[3], row[4])).containsExactly("async", "0", "1", "0");
    }

    @Test
    void aClosedPortEndsWithConnectionRefused() throws Exception {
        CliRun r = crawl("http://127.0.0.1:" + closedPort() + "/");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NOTHING_FETCHED);
        assertThat(r.err()).contains("most common reason: refused (connection refused");
    }

    @Test
    void httpsAgainstAPlainPortSaysTry() {
        CliRun r = crawl("https://127.0.0.1:" + server(200) + "/");
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.NOTHING_FETCHED);
        assertThat(r.err()).contains("try http:// instead of https://");
        assertThat(r.err()).contains("most common reason: tls_handshake");
    }

    @Test
    void ipv6LoopbackRefusedSaysTheSitesMayListenOnIpv4Only() {
        RunSummary refused = new RunSummary(Mode.ASYNC, 1, List.of("http://[::1]:8081/"), Instant.EPOCH, Instant.EPOCH,
                0, 0, 1, Map.of(Outcome.FAILED, 1L), Map.of("refused", 1L), 0, new RunSummary.Latency(0, 0, 0, 0),
                0, 0, 0, 0, 0);
        assertThat(NothingFetched.line(refused)).hasValueSatisfying(line -> assertThat(line)
                .contains("most common reason: refused").contains("IPv4 only, try 127.0.0.1"));
    }

    @Test
    void aCrawlThatFetchedExitsZeroWithoutTheLine() throws Exception {
        HttpServer server = await(kit.vertx().createHttpServer(new HttpServerOptions().setHost("127.0.0.1"))
                .requestHandler(req -> req.response().putHeader("content-type", "text/html").end("<p>hi</p>"))
                .listen(0));
        CliRun r = crawl("http://127.0.0.1:" + server.actualPort() + "/");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("no page fetched");
        assertThat(new JsonObject(Files.readString(dir.resolve("s.json"))).containsKey("stopped")).isFalse();
    }

    @Test
    void compareSaysWhereItsSettingsDifferFromRun() {
        CompareConfig cc = CompareConfigLoader.load(Path.of("../config/compare.json"));
        assertThat(CompareCommand.differences(CrawlConfigLoader.load(cc.crawl()), cc)).singleElement()
                .asString().contains("compare runs 64 per host", "run uses 16 per host", "--per-host 64");
    }
}
