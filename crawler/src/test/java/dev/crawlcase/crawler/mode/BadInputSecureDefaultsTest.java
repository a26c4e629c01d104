package dev.crawlcase.crawler.mode;

import dev.crawlcase.crawler.testkit.CrawlcaseExtension;
import dev.crawlcase.sites.FakeWorld;
import dev.crawlcase.sites.config.WorldConfigLoader;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Secure defaults of the servers themselves: every fake site and every test server binds 127.0.0.1 only, so a
 * crawl test can never be reached from (or reach) another machine. Redirects out of scope: BadInputLinksTest.
 */
class BadInputSecureDefaultsTest {
    private static final Pattern SERVER = Pattern.compile("create(Http|Net)Server\\(");
    private static final Pattern HOST = Pattern.compile("setHost\\(\"([^\"]*)\"\\)");

    @RegisterExtension
    final CrawlcaseExtension kit = new CrawlcaseExtension();

    @Test
    void theShippedWorldsServeOnlyOn127001() throws Exception {
        Vertx vertx = kit.vertx();
        for (String config : List.of("../config/sites.json", "../config/sites-quick.json")) {
            FakeWorld world = FakeWorld.start(vertx, WorldConfigLoader.load(Path.of(config)).withEphemeralPorts())
                    .toCompletionStage().toCompletableFuture().join();
            assertThat(world.baseUrls().values()).as(config).isNotEmpty()
                    .allSatisfy(url -> assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/"));
            for (String url : world.baseUrls().values()) {
                assertNotReachableFromAnotherLoopbackAddress(URI.create(url).getPort());
            }
        }
    }

    /** Bound to 127.0.0.1 (not 0.0.0.0 or any address): on Linux 127.0.0.2 reaches the same host but not the port. */
    private static void assertNotReachableFromAnotherLoopbackAddress(int port) throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"), "127.0.0.0/8 routing is Linux's");
        try (Socket ok = new Socket()) {
            ok.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            ok.getOutputStream().write("GET /robots.txt HTTP/1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(ok.getInputStream().read()).as("first byte of an answer on 127.0.0.1:%d", port).isEqualTo('H');
        }
        assertThatThrownBy(() -> {
            try (Socket other = new Socket()) {
                other.connect(new InetSocketAddress("127.0.0.2", port), 2_000);
            }
        }).as("port %d on 127.0.0.2", port).isInstanceOf(ConnectException.class);
    }

    @Test
    void everyServerInTheSourcesSetsHost127001() throws IOException {
        List<Path> files = javaFiles("../fake-sites/src", "src");
        List<Path> withServers = files.stream().filter(f -> SERVER.matcher(read(f)).find()).toList();
        assertThat(withServers).as("files creating servers").hasSizeGreaterThanOrEqualTo(3);
        for (Path file : withServers) {
            String text = read(file);
            long servers = SERVER.matcher(text).results().count();
            Matcher hosts = HOST.matcher(text);
            long loopbackHosts = 0;
            while (hosts.find()) {
                assertThat(hosts.group(1)).as("setHost in %s", file).isEqualTo("127.0.0.1");
                loopbackHosts++;
            }
            assertThat(loopbackHosts).as("setHost(\"127.0.0.1\") per server in %s", file).isGreaterThanOrEqualTo(servers);
        }
    }

    private static List<Path> javaFiles(String... roots) throws IOException {
        List<Path> out = new java.util.ArrayList<>();
        for (String root : roots) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(out::add);
            }
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
