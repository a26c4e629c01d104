package dev.crawlcase.crawler.cli;

import org.junit.jupiter.api.Tag;
import dev.crawlcase.crawler.testkit.Tags;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.crawler.testkit.TestConfig;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.crawlcase.crawler.testkit.CrawlcaseExtension.BOUND_S;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command works from any folder (each test runs the CLI in a child JVM whose current folder is a fresh temp
 * folder): a config comes from the flag, else config/NAME in the current folder, else the copy in the jar; a path
 * on the command line is relative to the current folder, a path written in a config file to that file's folder.
 */
@Tag(Tags.NEWEST_JDK)
class FromAnyFolderTest {
    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();
    @TempDir
    Path dir;

    private int run(String name, String... args) throws InterruptedException {
        CrawlerProcess p = kit.start(dir, name, List.of(args));
        int code = p.exitCode(BOUND_S);
        output = p.output();
        return code;
    }

    private String output;

    private String seed() {
        FakeWorld world = CrawlcaseExtension.await(FakeWorld.start(kit.vertx(),
                WorldConfig.of(2, SiteSpec.named("small").withPages(12, 2))));
        return world.seedUrls().get(0);
    }

    @Test
    void sitesWithoutAConfigServeTheBundledWorldAndTheManifestLandsHere() throws Exception {
        assertThat(run("sites", "sites", "--ephemeral-ports", "--exit-after-start", "--manifest", "m.json"))
                .as(output).isZero();
        assertThat(output.lines().filter(l -> l.startsWith("site "))).hasSize(3);
        assertThat(new JsonObject(Files.readString(dir.resolve("m.json"))).getJsonObject("baseUrls")).hasSize(3);
    }

    @Test
    void runWithoutAConfigWritesItsFilesUnderCrawlOutHere() throws Exception {
        assertThat(run("run", "run", "--quiet", seed())).as(output).isZero();
        assertThat(dir.resolve("crawl-out/records.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("crawl-out/summary.json")).isNotEmptyFile();
    }

    @Test
    void pathsInAConfigFileAreRelativeToItsFolderAndFlagsToTheCurrentFolder() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/crawl.json"), "{\"output\": {\"records\": \"out/r.jsonl\"}}");
        String seed = seed();
        // found as config/crawl.json: its records file is config/out/r.jsonl; the summary it leaves out, crawl-out/
        assertThat(run("config", "run", "--quiet", seed)).as(output).isZero();
        assertThat(dir.resolve("config/out/r.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("crawl-out/summary.json")).isNotEmptyFile();
        // a flag's path is the current folder's
        assertThat(run("flag", "run", "--quiet", "--out", "flag.jsonl", "--summary", "flag.json", seed))
                .as(output).isZero();
        assertThat(dir.resolve("flag.jsonl")).isNotEmptyFile();
        assertThat(dir.resolve("flag.json")).isNotEmptyFile();
    }

    @Test
    void compareFindsConfigHereAndItsReportLandsWhereTheConfigSays() throws Exception {
        Path config = Files.createDirectories(dir.resolve("config"));
        Files.writeString(config.resolve("tiny.json"), "{\"seed\": 9, \"sites\": [{\"name\": \"tiny\", \"port\": 0,"
                + " \"pages\": 12, \"levels\": 2, \"latency\": {\"type\": \"fixed\", \"value\": 2}}]}");
        TestConfig.crawl().sites("tiny.json").writeTo(config.resolve("crawl.json"));
        Files.writeString(config.resolve("compare.json"), "{\"sites\": \"tiny.json\", \"quickSites\": \"tiny.json\","
                + " \"modes\": [\"async\"], \"concurrency\": 4, \"report\": \"../cmp\"}");
        assertThat(run("compare", "compare", "--quick")).as(output).isZero();
        assertThat(output).contains("crawlcase compare: " + Path.of("config", "tiny.json"));
        JsonObject json = new JsonObject(Files.readString(dir.resolve("cmp/compare.json")));
        assertThat(json.getJsonArray("runs")).hasSize(1);
        assertThat(dir.resolve("cmp/report.html")).isNotEmptyFile();
    }

    @Test
    void compareWithoutAConfigHereReadsTheBundledOne() throws Exception {
        // a bad --sweep is checked once the config is read: reaching it shows the bundled compare.json was found
        List<String> args = new ArrayList<>(List.of("compare", "--sweep", "0"));
        assertThat(run("bundled", args.toArray(String[]::new))).isEqualTo(2);
        assertThat(output.strip()).isEqualTo("crawler: --sweep: concurrency must be between 1 and 100000, got 0");
    }
}
