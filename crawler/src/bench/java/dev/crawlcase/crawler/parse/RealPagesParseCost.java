package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.url.UrlNormalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The crawl's parse step ({@link PageParser} with the crawl's {@link UrlNormalizer}) on every HTML file of a real
 * documentation tree, once warm: CPU ms per page and MB/s of one thread, the best of several rounds (#20). The
 * real-sites bench measures whole crawls, where the JIT's warm-up hides a change of this size; this isolates it.
 *
 * <p>A benchmark in {@code crawler/src/bench}: compiled with the tests, never run by them. From the repository root:
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -cp crawler/target/crawler.jar:crawler/target/test-classes dev.crawlcase.crawler.parse.RealPagesParseCost \
 *     /usr/share/doc/python3.11/html [ROUNDS]
 * </pre>
 */
public final class RealPagesParseCost {

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 ? args[0] : "/usr/share/doc/python3.11/html");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
        List<byte[]> bodies = files.stream().map(RealPagesParseCost::read).toList();
        long bytes = bodies.stream().mapToLong(b -> b.length).sum();
        PageParser parser = new PageParser();
        UrlNormalizer normalizer = UrlNormalizer.defaults();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double best = Double.MAX_VALUE;
        long links = 0;
        for (int round = 0; round < rounds; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            links = 0;
            for (int i = 0; i < bodies.size(); i++) {
                String url = "http://127.0.0.1/" + root.relativize(files.get(i));
                links += parser.parse(bodies.get(i), null, url, false, normalizer::normalizeLink).links().size();
            }
            double ms = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
            best = Math.min(best, ms);
            System.out.printf("round %d: %.0f ms CPU, %.2f ms per page%n", round + 1, ms, ms / bodies.size());
        }
        System.out.printf("%s: %d pages, %.1f MB, %d links; best round %.2f ms CPU per page, %.1f MB/s on one thread%n",
                root, bodies.size(), bytes / 1e6, links, best / bodies.size(), bytes / 1e6 / (best / 1000));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
