package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.frontier.FrontierPropertyTest.World;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heap-based {@link HostPicker} hands out exactly the tasks the scanning picker it replaced ({@link ScanPicker})
 * did, in the same order, on the property test's random worlds, with up to 31 hosts, politeness delays, per-host concurrency, retries,
 * lost and late results, robots.txt rules that expire (a short TTL) and a page limit that runs out: two frontiers,
 * one with each picker and the same epoch, are driven in lockstep with the same results, and every lease, every
 * accepted result and every expiry must match; the records must match as sets.
 *
 * <p>What may differ, and is not compared: the order records reach the sink within one call (the scan drops
 * disallowed queue heads of every ready host on each pick, the heap picker of the changed hosts only), and the
 * wake-up times (the scan says "now" for a host whose only work is disallowed, the heap picker knows better; the
 * heap picker also wakes when a host's rules expire, which the scan missed). The clock therefore moves by its own
 * random steps here, not by either wake-up. The robots.txt cache holds every host: when it is smaller, which host
 * it evicts depends on how often each was looked up (Caffeine's frequency sketch), and the scan looks every host up
 * on every pick; there the order may differ, and the second test checks the invariants instead.
 */
class SchedulerEquivalenceTest {
    @ParameterizedTest(name = "world {0}")
    @MethodSource("dev.crawlcase.crawler.frontier.FrontierPropertyTest#seeds")
    void theHeapPickerLeasesWhatTheScanLeasedInTheSameOrder(long seed) {
        Random rnd = new Random(seed);
        World world = new World(rnd, 3, 2 + rnd.nextInt(30));
        FrontierSettings settings = settings(rnd, world.hosts() + rnd.nextInt(4));
        AtomicLong now = new AtomicLong();
        List<CrawlRecord> heapRecords = new ArrayList<>();
        List<CrawlRecord> scanRecords = new ArrayList<>();
        long frontierSeed = rnd.nextLong();
        Frontier heap = frontier(world, settings, now, heapRecords, frontierSeed, HostPicker::new);
        Frontier scan = frontier(world, settings, now, scanRecords, frontierSeed, ScanPicker::new);

        List<FetchTask> inFlight = new ArrayList<>();
        List<FetchTask> lost = new ArrayList<>();
        long leased = 0;
        for (long round = 0; !scan.isFinished(); round++) {
            assertThat(round).as("crawl must end").isLessThan(100_000);
            assertThat(heap.isFinished()).isFalse();
            assertThat(heap.expireLeases()).as("expired in round %d", round).isEqualTo(scan.expireLeases());
            int max = 1 + rnd.nextInt(6);
            List<FetchTask> tasks = heap.lease(max);
            assertThat(tasks).as("leases in round %d", round).isEqualTo(scan.lease(max));
            inFlight.addAll(tasks);
            leased += tasks.size();
            for (int k = rnd.nextInt(inFlight.size() + 1); k > 0; k--) {
                FetchTask task = inFlight.remove(rnd.nextInt(inFlight.size()));
                if (rnd.nextInt(30) == 0) {
                    lost.add(task);
                } else {
                    FetchOutcome outcome = world.fetch(task, rnd);
                    assertThat(heap.complete(outcome)).isEqualTo(scan.complete(outcome)).isTrue();
                }
            }
            if (!lost.isEmpty() && rnd.nextInt(8) == 0) {
                FetchOutcome late = world.fetch(lost.remove(0), rnd);
                assertThat(heap.complete(late)).isEqualTo(scan.complete(late));
            }
            now.addAndGet(inFlight.isEmpty() ? 1 + rnd.nextInt(400) : rnd.nextInt(40));
        }
        assertThat(heap.isFinished()).isTrue();
        heap.finish();
        scan.finish();
        assertThat(leased).isPositive();
        assertThat(heap.stats()).isEqualTo(scan.stats());
        assertThat(byUrl(heapRecords)).isEqualTo(byUrl(scanRecords));
    }

    /**
     * With a robots.txt cache smaller than the hosts, rules are evicted and fetched again, and the order may differ
     * from the scan's (see above): the invariants hold instead. Per host, never more than perHostConcurrency leased
     * and starts at least the delay apart; every discovered URL has one record at its shortest depth.
     */
    @ParameterizedTest(name = "world {0}")
    @MethodSource("dev.crawlcase.crawler.frontier.FrontierPropertyTest#seeds")
    void withEvictedRobotsRulesPolitenessAndDepthsStillHold(long seed) {
        Random rnd = new Random(seed);
        World world = new World(rnd, 2, 4 + rnd.nextInt(20));
        int maxDepth = 2 + rnd.nextInt(5);
        FrontierSettings settings = settings(rnd, 1 + rnd.nextInt(world.hosts() / 2)).withLimits(maxDepth, 0);
        AtomicLong now = new AtomicLong();
        List<CrawlRecord> records = new ArrayList<>();
        Frontier frontier = frontier(world, settings, now, records, rnd.nextLong(), HostPicker::new);
        Map<String, Integer> leasedPerHost = new HashMap<>();
        Map<String, Long> lastStart = new HashMap<>();
        List<FetchTask> inFlight = new ArrayList<>();
        for (long round = 0; !frontier.isFinished(); round++) {
            assertThat(round).as("crawl must end").isLessThan(100_000);
            for (FetchTask task : frontier.lease(1 + rnd.nextInt(6))) {
                String host = HostKey.of(task.url());
                assertThat(leasedPerHost.merge(host, 1, Integer::sum)).as("in flight on %s", host)
                        .isLessThanOrEqualTo(settings.perHostConcurrency());
                Long last = lastStart.put(host, now.get());
                if (last != null) {
                    assertThat(now.get() - last).as("gap between starts on %s", host)
                            .isGreaterThanOrEqualTo(settings.perHostDelayMs());
                }
                inFlight.add(task);
            }
            for (int k = rnd.nextInt(inFlight.size() + 1); k > 0; k--) {
                FetchTask task = inFlight.remove(rnd.nextInt(inFlight.size()));
                leasedPerHost.merge(HostKey.of(task.url()), -1, Integer::sum);
                assertThat(frontier.complete(world.fetch(task, rnd))).isTrue();
            }
            // idle: sleep until the frontier's own wake-up, which must come
            long next = inFlight.isEmpty() ? frontier.nextWakeupMs() : now.get() + rnd.nextInt(40);
            assertThat(next == Long.MAX_VALUE && !frontier.isFinished()).as("nothing in flight and nothing to wait for")
                    .isFalse();
            now.set(Math.max(now.get() + (inFlight.isEmpty() ? 1 : 0), next));
        }
        frontier.finish();
        FrontierPropertyTest.assertExact(world, maxDepth, frontier, records);
    }

    /** Random politeness, retries, a robots.txt TTL short enough to expire mid-crawl, and maybe a page limit. */
    private static FrontierSettings settings(Random rnd, int robotsCacheSize) {
        return new FrontierSettings(2 + rnd.nextInt(6), rnd.nextInt(3) == 0 ? 1 + rnd.nextInt(60) : 0,
                1 + rnd.nextInt(4), rnd.nextInt(30), true, 1_000, 10, new RetryPolicy(3, 10, 200, 500), 2_000,
                200 + rnd.nextInt(3_000), robotsCacheSize, "crawlcase", false);
    }

    private static Frontier frontier(World world, FrontierSettings settings, AtomicLong now,
                                     List<CrawlRecord> records, long seed, Picker.Factory pickers) {
        Frontier frontier = new Frontier(settings, Scope.ofSeeds(world.seeds), UrlNormalizer.defaults(),
                records::add, UrlLog.NONE, CrawlShare.WHOLE, Mode.ASYNC, now::get, new Random(seed), 1, pickers);
        frontier.seed(world.seeds);
        return frontier;
    }

    private static Map<String, CrawlRecord> byUrl(List<CrawlRecord> records) {
        return records.stream().collect(Collectors.toMap(CrawlRecord::url, Function.identity()));
    }
}
