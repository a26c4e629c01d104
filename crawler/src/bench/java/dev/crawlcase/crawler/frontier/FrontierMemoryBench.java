package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.UrlNormalizer;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Heap bytes per URL of the frontier (seen map and host queues) at a million URLs, not a test: 100 hosts, each
 * seed page offering 10,000 links of about 70 characters, so 1,000,000 URLs are queued at depth 1; then every one is
 * leased and completed, so the seen map alone holds them. Measured twice: queues all in memory, and queues spilling
 * to disk beyond 100,000 URLs (what {@code run --state} does). Heap is read after full GCs; run it with a fixed heap
 * so GC sizing does not move the baseline. Writes {@code OUT.json} (default
 * {@code crawler/results/frontier-memory.json}, the figures the README quotes).
 *
 * <p>A benchmark in {@code crawler/src/bench}: compiled with the tests, never run by them. From the repository root:
 *
 * <pre>
 * mvn -B -q package -DskipTests
 * java -Xms2g -Xmx2g -cp crawler/target/crawler.jar:crawler/target/test-classes \
 *     dev.crawlcase.crawler.frontier.FrontierMemoryBench [URLS] [OUT.json]
 * </pre>
 */
public final class FrontierMemoryBench {
    private static final int HOSTS = 100;

    private FrontierMemoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int urls = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path out = Path.of(args.length > 1 ? args[1] : "crawler/results/frontier-memory.json");
        JsonArray rows = new JsonArray();
        rows.add(measure("in memory", urls, null));
        Path spillFile = Files.createTempFile("crawlcase-spill", ".mv.db");
        try (QueueSpill spill = QueueSpill.open(spillFile, QueueSpill.DEFAULT_MEMORY_LIMIT)) {
            rows.add(measure("spill beyond " + QueueSpill.DEFAULT_MEMORY_LIMIT, urls, spill));
        }
        JsonObject result = new JsonObject().put("urls", urls).put("hosts", HOSTS)
                .put("java", System.getProperty("java.version")).put("rows", rows)
                .put("command", "java -Xms2g -Xmx2g -cp crawler/target/crawler.jar:crawler/target/test-classes "
                        + "dev.crawlcase.crawler.frontier.FrontierMemoryBench " + urls);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, result.encodePrettily() + "\n");
        System.out.println(result.encodePrettily());
    }

    private static JsonObject measure(String label, int urls, QueueSpill spill) {
        List<String> seeds = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            seeds.add("http://127.0.0.1:" + (20_000 + h) + "/");
        }
        long[] records = new long[1];
        FrontierSettings settings = FrontierSettings.defaults().withRobots(false, 0).withLimits(5, 0)
                .withPoliteness(10_000, 0);
        Frontier frontier = new Frontier(settings, Scope.ofSeeds(seeds), UrlNormalizer.defaults(), r -> records[0]++,
                Mode.ASYNC, System::currentTimeMillis, new Random(1));
        if (spill != null) {
            frontier.spillTo(spill);
        }
        long base = usedHeap();
        frontier.seed(seeds);
        long started = System.nanoTime();
        int perHost = urls / HOSTS;
        for (FetchTask seed : frontier.lease(HOSTS)) {
            String[] links = new String[perHost];
            for (int i = 0; i < perHost; i++) {
                links[i] = seed.url() + "section-" + (i % 50) + "/article-" + i + ".html?lang=en&ref=nav";
            }
            frontier.complete(Outcomes.html(seed, links));
        }
        long queued = usedHeap() - base;
        long queuedUrls = frontier.stats().queued();
        long spilled = spill == null ? 0 : spill.spilled();
        for (List<FetchTask> tasks; !(tasks = frontier.lease(10_000)).isEmpty(); ) {
            tasks.forEach(t -> frontier.complete(Outcomes.html(t)));
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        long seen = usedHeap() - base;
        long seenUrls = frontier.stats().discovered();
        JsonObject row = new JsonObject().put("queues", label)
                .put("queuedUrls", queuedUrls).put("spilledUrls", spilled)
                .put("bytesPerQueuedUrl", Math.round((double) queued / queuedUrls))
                .put("seenUrls", seenUrls).put("records", records[0])
                .put("bytesPerSeenUrl", Math.round((double) seen / seenUrls))
                .put("seconds", Math.round(seconds * 10) / 10.0);
        System.out.println(row.encode());
        if (frontier.stats().queued() != 0) {
            throw new IllegalStateException("frontier not drained");
        }
        return row;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
