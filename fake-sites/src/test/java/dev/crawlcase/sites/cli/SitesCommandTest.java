package dev.crawlcase.sites.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SitesCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new SitesCommand());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }

    @Test
    void versionIsTheBuilds() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("fake-sites " + SitesVersion.number() + " on Java ");
        assertThat(SitesVersion.number()).matches("\\d+\\.\\d+.*");
    }

    @Test
    void badConfigExitsWith2AndOneLine(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bad.json"), "{\"sites\":[{\"name\":\"a\",\"port\":0,\"pages\":3}]}");
        assertThat(run("--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: " + config + ": sites[0].pages: must be >= 10, got 3"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void eventLoopsOutOfRangeExitWith2AndOneLine() {
        assertThat(run("--event-loops", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("error: --event-loops must be between 1 and 256, not 0"
                + System.lineSeparator());
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingConfigExitsWith2() {
        assertThat(run("--config", "no/such.json")).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void printsEverySiteAndWritesTheManifest(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("w.json"),
                "{\"seed\":3,\"sites\":[{\"name\":\"a\",\"port\":0},{\"name\":\"b\",\"port\":0,\"pages\":12}]}");
        Path manifest = dir.resolve("out/manifest.json");
        assertThat(run("--config", config.toString(), "--manifest", manifest.toString(), "--exit-after-start")).isZero();
        assertThat(out.toString().lines()).hasSize(2)
                .allMatch(l -> l.matches("site [ab] http://127\\.0\\.0\\.1:\\d+/"));
        JsonObject json = new JsonObject(Files.readString(manifest));
        assertThat(json.getJsonObject("baseUrls").fieldNames()).containsExactly("a", "b");
        assertThat(json.getInteger("pageCount")).isEqualTo(json.getJsonObject("pages").size()).isGreaterThan(60);
        assertThat(json.getJsonArray("requests").getJsonObject(0).fieldNames())
                .contains("url", "site", "depth", "kind", "parents", "bodyBytes");
        assertThat(json.getJsonObject("rules").getInteger("maxDepth")).isEqualTo(8);
    }

    @Test
    void withoutAConfigFileOnDiskItServesTheBundledWorld() {
        // this folder (the module's) has no config/sites.json: the copy in the jar is served, as run does
        assertThat(Path.of("config", "sites.json")).doesNotExist();
        assertThat(run("--ephemeral-ports", "--exit-after-start")).as(err.toString()).isZero();
        assertThat(out.toString().lines()).hasSize(3).allMatch(l -> l.startsWith("site "));
    }

    /** A manifest path that can never be written: one line naming the flag and why, exit 2, no site started. */
    private void assertManifestRefused(String manifest, String line) throws Exception {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        // the world's port is taken: had a site been started before the check, the exit would be 1 ("cannot start")
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Path config = Files.writeString(Files.createTempFile("world", ".json"),
                    "{\"sites\":[{\"name\":\"a\",\"port\":" + taken.getLocalPort() + "}]}");
            assertThat(run("--config", config.toString(), "--manifest", manifest, "--exit-after-start"))
                    .as(err.toString()).isEqualTo(2);
            Files.delete(config);
        }
        assertThat(err.toString()).startsWith("error: " + line).endsWith(System.lineSeparator());
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aManifestPathThatCannotBeWrittenIsRefusedBeforeAnySiteStarts(@TempDir Path dir) throws Exception {
        assertManifestRefused("/proc/x.json", "--manifest /proc/x.json: cannot create files in /proc (");
        assertManifestRefused(dir.toString(), "--manifest " + dir + ": is a folder");
        assertManifestRefused(dir.resolve("new") + "/", "--manifest: names a folder (" + dir.resolve("new")
                + "/), expected a file");
        Path plain = Files.writeString(dir.resolve("plain"), "x");
        assertManifestRefused(plain.resolve("m.json").toString(), "--manifest " + plain.resolve("m.json") + ": "
                + plain + " is not a folder");
        assertThat(dir.resolve("new")).doesNotExist();
    }

    @Test
    void aManifestThatCannotBeWrittenInFullIsOneLineAndExitCode3(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("w.json"), "{\"sites\":[{\"name\":\"a\",\"port\":0}]}");
        // /dev/full takes the open and refuses every byte: a full disk
        assertThat(run("--config", config.toString(), "--manifest", "/dev/full", "--exit-after-start"))
                .isEqualTo(SitesCommand.OUTPUT_FAILED);
        assertThat(err.toString()).isEqualTo("error: --manifest /dev/full: cannot be written (No space left on"
                + " device)" + System.lineSeparator());
    }

    @Test
    void servesTheHostileWorldAndWritesItsExpectedRecords(@TempDir Path dir) throws Exception {
        Path manifest = dir.resolve("hostile.json");
        assertThat(run("--hostile", "--manifest", manifest.toString(), "--exit-after-start")).isZero();
        assertThat(out.toString().lines()).hasSize(dev.crawlcase.sites.hostile.HostileCases.all().size())
                .allMatch(line -> line.matches("hostile [a-z0-9.-]+ http://127\\.0\\.0\\.1:\\d+/"));
        JsonObject expected = new JsonObject(Files.readString(manifest)).getJsonObject("expected");
        assertThat(expected.fieldNames()).anyMatch(url -> url.endsWith("/h/0"));
        assertThat(expected.getMap().values()).contains("failed protocol", "skipped robots_unreachable");
    }
}
