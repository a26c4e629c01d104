package dev.crawlcase.crawler.cluster;

import dev.crawlcase.crawler.testkit.CrawlerProcess;
import dev.crawlcase.sites.config.Distribution;
import dev.crawlcase.sites.config.SiteSpec;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the cluster benches share: their worlds of like sites, equal node JVMs, and how they round and wait. */
final class BenchNodes {
    private BenchNodes() {
    }

    /** {@code count} sites named s0, s1, ... of {@code pages} pages ({@code fanOut} links each) at a fixed latency. */
    static SiteSpec[] sites(int count, int pages, int fanOut, int latencyMs) {
        List<SiteSpec> sites = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            sites.add(SiteSpec.named("s" + i).withPages(pages, fanOut).withLatency(Distribution.fixed(latencyMs)));
        }
        return sites.toArray(SiteSpec[]::new);
    }

    /**
     * Starts {@code nodes} node JVMs ({@code cluster --role node --nodes N --quiet} and {@code args}); the last one is
     * given the seeds, so the crawl starts once every node has joined. Returns when each has said so.
     */
    static List<CrawlerProcess> start(Path dir, int nodes, List<String> args, List<String> seeds, long boundS) {
        return start(dir, nodes, i -> args, seeds, boundS);
    }

    /** Like {@link #start(Path, int, List, List, long)}, node {@code i} with arguments {@code args.apply(i)}. */
    static List<CrawlerProcess> start(Path dir, int nodes, java.util.function.IntFunction<List<String>> args,
                                      List<String> seeds, long boundS) {
        List<CrawlerProcess> started = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            List<String> command = new ArrayList<>(List.of("cluster", "--role", "node", "--nodes",
                    String.valueOf(nodes), "--quiet"));
            command.addAll(args.apply(i));
            boolean last = i == nodes - 1;
            if (last) {
                command.addAll(seeds);
            }
            CrawlerProcess node = CrawlerProcess.start(dir, "node-" + i, command);
            started.add(node);
            node.awaitOutput(boundS, last ? "node: part " : "waiting for its seeds");
        }
        return started;
    }

    /**
     * Writes {@code results} (with the machine added) to {@code crawler/target/NAME}, where a bench's results go;
     * the README quotes copies in {@code crawler/results}.
     */
    static void write(String name, JsonObject results) throws IOException {
        Path out = Path.of("crawler", "target", name);
        Files.createDirectories(out.getParent());
        Files.writeString(out, results.put("machine", Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version")).encodePrettily() + "\n");
        System.out.println("written: " + out);
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static <T> T get(Future<T> f, long boundS) throws Exception {
        return f.toCompletionStage().toCompletableFuture().get(boundS, TimeUnit.SECONDS);
    }
}
