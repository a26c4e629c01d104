package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.task.CrawlRecord;
import io.vertx.core.json.JsonObject;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.tools.WarcTool;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Reads a crawl's WARC files back, with two readers that are not crawlcase's: jwarc's validator ({@code WarcTool
 * validate}, in a child JVM since it ends with {@code System.exit}) and webrecorder's warcio for Node.js. warcio is
 * installed by {@code .ci/install-warcio} into {@value #DEFAULT_WARCIO} (or {@code CRAWLCASE_WARCIO}); without it the
 * warcio check is skipped, unless {@code CRAWLCASE_WARCIO_REQUIRED} is set, as CI does.
 */
public final class WarcReaders {
    public static final String DEFAULT_WARCIO = "../target/warcio";

    private WarcReaders() {
    }

    /**
     * One record as a test sees it: type, target URI, HTTP status (0 if none), SHA-1 hex of the payload (of the whole
     * block for records without an HTTP response), WARC-Truncated, the HTTP header lines, the block as text (records
     * without an HTTP response), and the SHA-256 hex of the payload.
     */
    public record Capture(String type, String uri, int status, String payloadSha1, String truncated,
                          String headers, String block, String payloadSha256) {
    }

    /** The crawl's WARC files in {@code dir}, in the order they were written. */
    public static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".warc.gz")).sorted().toList();
        }
    }

    /** Every record of {@code files}, read with jwarc. */
    public static List<Capture> read(List<Path> files) throws IOException {
        List<Capture> captures = new ArrayList<>();
        for (Path file : files) {
            try (WarcReader reader = new WarcReader(file)) {
                for (WarcRecord r : reader) {
                    captures.add(capture(r));
                }
            }
        }
        return captures;
    }

    private static Capture capture(WarcRecord r) throws IOException {
        String uri = r instanceof WarcTargetRecord t ? t.target() : null;
        String truncated = r.truncated().name();
        if (r instanceof WarcResponse response) {
            HttpResponse http = response.http();
            byte[] payload = http.body().stream().readAllBytes();
            StringBuilder headers = new StringBuilder();
            http.headers().map().forEach((k, vs) -> vs.forEach(v -> headers.append(k).append(": ").append(v).append('\n')));
            return new Capture(r.type(), uri, http.status(), sha1(payload), truncated, headers.toString(), "",
                    digest("SHA-256", payload));
        }
        byte[] block = r.body().stream().readAllBytes();
        return new Capture(r.type(), uri, 0, sha1(block), truncated, "", new String(block, StandardCharsets.ISO_8859_1),
                digest("SHA-256", block));
    }

    /**
     * The archive matches the records one for one: each record's URL has as many response-or-metadata records as the
     * record has attempts, the last one a response with the record's status when it has one, and every archived URL
     * but robots.txt has a record.
     */
    public static void assertMatchesRecords(List<Capture> captures, List<CrawlRecord> records) {
        Map<String, List<Capture>> byUrl = captures.stream()
                .filter(c -> c.type().equals("response") || c.type().equals("metadata"))
                .collect(Collectors.groupingBy(Capture::uri));
        for (CrawlRecord r : records) {
            List<Capture> attempts = byUrl.getOrDefault(r.url(), List.of());
            assertThat(attempts).as("attempts archived for %s", r.url()).hasSize(r.attempts());
            if (r.status() != null) {
                Capture last = attempts.get(attempts.size() - 1);
                assertThat(last.type()).isEqualTo("response");
                assertThat(last.status()).as("status of %s", r.url()).isEqualTo(r.status());
            }
        }
        Set<String> recorded = records.stream().map(CrawlRecord::url).collect(Collectors.toSet());
        assertThat(byUrl.keySet()).allSatisfy(url -> assertThat(url.endsWith("/robots.txt") || recorded.contains(url))
                .as("%s has a record", url).isTrue());
    }

    /** jwarc's own validator accepts every file (digests, HTTP messages, lengths); else the test fails with its log. */
    public static void validateWithJwarc(List<Path> files) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaBin(), "-cp", jarOf(WarcTool.class),
                "org.netpreserve.jwarc.tools.WarcTool", "validate"));
        files.forEach(f -> command.add(f.toString()));
        Run run = run(command);
        if (run.code != 0) {
            fail("jwarc validate failed (" + run.code + "):\n" + run.out);
        }
    }

    /** warcio reads every record of {@code files}; one JSON object per record (type, uri, status, sha1, length). */
    public static List<JsonObject> readWithWarcio(List<Path> files) throws IOException, InterruptedException {
        Path warcio = Path.of(System.getenv().getOrDefault("CRAWLCASE_WARCIO", DEFAULT_WARCIO)).toAbsolutePath();
        boolean present = Files.isDirectory(warcio.resolve("node_modules/warcio"));
        if (!present && System.getenv("CRAWLCASE_WARCIO_REQUIRED") != null) {
            fail("no warcio in " + warcio + " although CRAWLCASE_WARCIO_REQUIRED is set (run .ci/install-warcio)");
        }
        assumeTrue(present, "no warcio in " + warcio + " (.ci/install-warcio installs it)");
        Path script = Path.of("src/test/resources/warcio-read.cjs").toAbsolutePath();
        List<String> command = new ArrayList<>(List.of("node", script.toString(), warcio.toString()));
        files.forEach(f -> command.add(f.toString()));
        Run run = run(command);
        if (run.code != 0) {
            fail("warcio could not read the files (" + run.code + "):\n" + run.out);
        }
        return run.out.lines().filter(l -> l.startsWith("{")).map(JsonObject::new).toList();
    }

    public static String sha1(byte[] bytes) {
        return digest("SHA-1", bytes);
    }

    private static String digest(String algorithm, byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int code, String out) {
    }

    /** Runs a reader; its output goes to the system's temporary folder (the files may sit on a full disk). */
    private static Run run(List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile("crawlcase-warc-reader", ".log");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(CrawlcaseExtension.BOUND_S, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("reader did not finish within " + CrawlcaseExtension.BOUND_S + " s: " + command);
        }
        try {
            return new Run(p.exitValue(), Files.readString(log));
        } finally {
            Files.delete(log);
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String jarOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
