package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.frontier.FrontierPropertyTest.World;
import dev.crawlcase.crawler.shard.GateSlot;
import dev.crawlcase.crawler.shard.GateView;
import dev.crawlcase.crawler.shard.OfferAck;
import dev.crawlcase.crawler.shard.OfferBatch;
import dev.crawlcase.crawler.shard.Outbox;
import dev.crawlcase.crawler.shard.Shard;
import dev.crawlcase.crawler.shard.ShardMap;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The sharded crawl's protocol on a virtual clock, with no Vert.x and no sockets: one to six shards, each a
 * {@link Frontier} of its own hosts driven like a pool of fetchers that answer out of order and lose some results,
 * exchange hand-offs over a network that delays, reorders, duplicates and drops every kind of message (batches and
 * acknowledgements), and publish their board slots lazily, except before an acknowledgement where the rule demands
 * it. The hosts of some of the seeds are dealt to the shards, the others hashed ({@link ShardMap}). The seeds go to
 * one shard picked at random, which need not own them. The union of the shards' records must be
 * exactly what one frontier gives: one record per discovered URL, at its shortest-path depth, with its outcome.
 */
class ShardedCrawlSimulationTest {
    private sealed interface Message permits Batch, Ack {
    }

    private record Batch(OfferBatch batch) implements Message {
    }

    private record Ack(OfferAck ack) implements Message {
    }

    private record InFlight(Message message, long deliverAtMs) {
    }

    @ParameterizedTest(name = "world {0}")
    @MethodSource("dev.crawlcase.crawler.frontier.FrontierPropertyTest#seeds")
    void shardsOverALossyNetworkGiveTheRecordsOfOneFrontier(long seed) {
        Random rnd = new Random(seed);
        int maxDepth = 2 + rnd.nextInt(6);
        World world = new World(rnd, 3, 2 + rnd.nextInt(20));
        FrontierSettings settings = settings(rnd, maxDepth, 0);
        List<CrawlRecord> records = new ArrayList<>();
        List<Shard> all = crawl(world, settings, dealt(world, 1 + rnd.nextInt(6), seed), rnd, records);
        assertExact(world, maxDepth, all, records);
    }

    /**
     * maxPages shared by one to six shards through their claims on the board: exactly as many pages leased in the
     * whole crawl as one frontier leases with the same limit (the limit, or every page when the world is smaller),
     * one record per URL, "page_limit" only for pages never leased, and each depth the shortest path through the
     * pages that were fetched. Fails when each shard applies the limit to its own hosts, or none does.
     */
    @ParameterizedTest(name = "world {0}")
    @MethodSource("dev.crawlcase.crawler.frontier.FrontierPropertyTest#seeds")
    void shardsShareThePageLimitLikeOneFrontier(long seed) {
        Random rnd = new Random(seed);
        int maxDepth = 2 + rnd.nextInt(6);
        World world = new World(rnd, 3, 2 + rnd.nextInt(20));
        long maxPages = 1 + rnd.nextInt(rnd.nextBoolean() ? 12 : 120);
        FrontierSettings settings = settings(rnd, maxDepth, maxPages);
        List<CrawlRecord> records = new ArrayList<>();
        List<Shard> all = crawl(world, settings, dealt(world, 1 + rnd.nextInt(6), seed), rnd, records);
        long leased = all.stream().mapToLong(s -> s.frontier().pagesLeased()).sum();
        assertWithinLimit(world, maxDepth, maxPages, records, leased);

        List<CrawlRecord> alone = new ArrayList<>();
        Frontier one = FrontierPropertyTest.crawl(world, settings, new Random(seed), alone, Long.MAX_VALUE, 0);
        assertWithinLimit(world, maxDepth, maxPages, alone, one.pagesLeased());
        assertThat(leased).as("pages leased crawl-wide, as by one frontier").isEqualTo(one.pagesLeased())
                .isLessThanOrEqualTo(maxPages);
    }

    /** Random politeness, retries and lease times, as in {@link FrontierPropertyTest}. */
    private static FrontierSettings settings(Random rnd, int maxDepth, long maxPages) {
        return new FrontierSettings(maxDepth, maxPages, 1 + rnd.nextInt(4), rnd.nextInt(30), true, 1_000, 10,
                new RetryPolicy(3, 10, 200, 500), 1_000, 200 + rnd.nextInt(5_000), 100, "crawlcase", false);
    }

    /**
     * The hosts of some of the seeds (none, some, or all) dealt as the cluster deals them, the others hashed; drawn
     * apart so that each world is the one it was before hosts were dealt.
     */
    private static ShardMap dealt(World world, int shards, long seed) {
        Random dealing = new Random(~seed);
        return ShardMap.dealing(world.seeds.subList(0, dealing.nextInt(world.seeds.size() + 1)), shards);
    }

    private static List<Shard> crawl(World world, FrontierSettings settings, ShardMap map, Random rnd,
                                     List<CrawlRecord> records) {
        int shards = map.shards();
        AtomicLong now = new AtomicLong();
        List<Shard> all = new ArrayList<>();
        for (int i = 0; i < shards; i++) {
            long frontierSeed = rnd.nextLong();
            all.add(new Shard(i, map, new Outbox(i, 1 + rnd.nextInt(8), rnd.nextInt(50), 100 + rnd.nextInt(300)),
                    now::get, share -> new Frontier(settings, Scope.ofSeeds(world.seeds), UrlNormalizer.defaults(),
                    records::add, UrlLog.NONE, share, Mode.ASYNC, now::get, new Random(frontierSeed))));
        }
        all.get(rnd.nextInt(shards)).frontier().seed(world.seeds);

        GateView board = GateView.unknown(shards);
        List<InFlight> network = new ArrayList<>();
        Map<Integer, List<FetchTask>> fetching = new HashMap<>();
        List<FetchTask> lost = new ArrayList<>();
        long batches = 0;
        for (long round = 0; !all.get(0).crawlFinished(board); round++) {
            assertThat(round).as("crawl must end").isLessThan(300_000);
            for (Shard s : all) {
                Frontier f = s.frontier();
                f.expireLeases();
                List<FetchTask> mine = fetching.computeIfAbsent(s.id(), k -> new ArrayList<>());
                mine.addAll(f.lease(1 + rnd.nextInt(5)));
                for (int k = rnd.nextInt(mine.size() + 1); k > 0; k--) {
                    FetchTask task = mine.remove(rnd.nextInt(mine.size()));
                    if (rnd.nextInt(40) == 0) {
                        lost.add(task);
                    } else {
                        assertThat(f.complete(world.fetch(task, rnd))).isTrue();
                    }
                }
                for (OfferBatch b : s.outgoing()) {
                    send(network, new Batch(b), now.get(), rnd);
                    batches++;
                }
            }
            if (!lost.isEmpty() && rnd.nextInt(10) == 0) { // a late result after its lease expired: refused
                FetchTask late = lost.remove(0);
                all.get(map.shardOf(dev.crawlcase.crawler.url.HostKey.of(late.url()))).frontier()
                        .complete(world.fetch(late, rnd));
            }
            for (int k = rnd.nextInt(network.size() + 1); k > 0; k--) {
                int pick = rnd.nextInt(network.size());
                if (network.get(pick).deliverAtMs() > now.get()) {
                    continue;
                }
                Message m = network.remove(pick).message();
                if (m instanceof Batch b) {
                    Shard to = all.get(b.batch().to());
                    Shard.Receipt receipt = to.receive(b.batch());
                    if (receipt.publishFirst()) {
                        board = publish(board, to);
                    }
                    send(network, new Ack(receipt.ack()), now.get(), rnd);
                } else if (m instanceof Ack a) {
                    all.get(a.ack().from()).acked(a.ack());
                }
            }
            for (Shard s : all) { // other slots go up on the board late, at random
                if (!s.slot().equals(s.lastPublished()) && rnd.nextInt(3) == 0) {
                    board = publish(board, s);
                }
            }
            for (Shard s : all) {
                s.boardChanged(board);
            }
            boolean idle = fetching.values().stream().allMatch(List::isEmpty);
            now.addAndGet(idle ? 1 + rnd.nextInt(200) : rnd.nextInt(40));
        }
        for (Shard s : all) {
            assertThat(s.frontier().isFinished()).as("shard %d finished when the board says so", s.id()).isTrue();
            s.frontier().finish();
        }
        assertThat(batches).as("hand-offs batched").isLessThanOrEqualTo(records.size() * 4L + 10);
        return all;
    }

    /** A write of the shard's slot on the board as it is (compare-and-set on the whole board, which never fails here). */
    private static GateView publish(GateView board, Shard shard) {
        GateSlot slot = shard.slotFor(board);
        shard.published(slot);
        return board.with(shard.id(), slot);
    }

    /** Dropped one time in eight, sent twice one time in eight, delayed up to 150 ms, delivered in any order. */
    private static void send(List<InFlight> network, Message m, long now, Random rnd) {
        int roll = rnd.nextInt(8);
        if (roll == 0) {
            return;
        }
        network.add(new InFlight(m, now + rnd.nextInt(150)));
        if (roll == 1) {
            network.add(new InFlight(m, now + rnd.nextInt(400)));
        }
    }

    /**
     * The records of a crawl under a page limit that leased {@code leased} pages: one per URL found from the pages
     * fetched, at its shortest depth through them; as many pages leased as the limit allows (every leasable page
     * when fewer); the others "page_limit", or what they would be without a limit when never leasable.
     */
    private static void assertWithinLimit(World world, int maxDepth, long maxPages, List<CrawlRecord> records,
                                          long leased) {
        Map<String, CrawlRecord> byUrl = new HashMap<>();
        for (CrawlRecord r : records) {
            if (byUrl.put(r.url(), r) != null) {
                fail("two records for " + r.url());
            }
        }
        Map<String, Integer> depths = bfsThroughFetched(world, maxDepth, byUrl);
        assertThat(byUrl.keySet()).isEqualTo(depths.keySet());
        long leasedByRecords = 0;
        for (Map.Entry<String, Integer> e : depths.entrySet()) {
            CrawlRecord r = byUrl.get(e.getKey());
            assertThat(r.depth()).as("depth of %s", e.getKey()).isEqualTo(e.getValue());
            String unlimited = FrontierPropertyTest.expected(world, e.getKey(), e.getValue(), maxDepth);
            boolean leasable = !unlimited.equals("skipped/scope") && !unlimited.equals("skipped/depth")
                    && !unlimited.equals("skipped/robots");
            if ("page_limit".equals(r.reason())) { // robots.txt may not have been read: a disallowed page too
                assertThat(leasable || unlimited.equals("skipped/robots")).as("%s held back by the page limit",
                        e.getKey()).isTrue();
            } else {
                assertThat(r.outcome() + "/" + r.reason()).as("outcome of %s", e.getKey()).isEqualTo(unlimited);
                leasedByRecords += leasable ? 1 : 0;
            }
        }
        assertThat(leased).as("pages leased, by the records").isEqualTo(leasedByRecords);
        long leasable = FrontierPropertyTest.bfs(world, maxDepth).entrySet().stream().filter(e -> !List.of(
                "skipped/scope", "skipped/depth", "skipped/robots").contains(
                FrontierPropertyTest.expected(world, e.getKey(), e.getValue(), maxDepth))).count();
        assertThat(leased).as("pages leased").isEqualTo(Math.min(leasable, maxPages));
    }

    /** Shortest depths from the seeds along the links of the pages that were fetched (and the redirects followed). */
    private static Map<String, Integer> bfsThroughFetched(World world, int maxDepth, Map<String, CrawlRecord> byUrl) {
        Map<String, Integer> depth = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String seed : world.seeds) {
            depth.put(seed, 0);
            queue.add(seed);
        }
        while (!queue.isEmpty()) {
            String url = queue.poll();
            CrawlRecord r = byUrl.get(url);
            if (r == null || (r.outcome() != Outcome.FETCHED && r.outcome() != Outcome.REDIRECTED)) {
                continue;
            }
            FrontierPropertyTest.Page page = world.pages.get(url);
            List<String> next = page.kind() == FrontierPropertyTest.Kind.HTML ? page.links() : List.of(page.target());
            for (String v : next) {
                if (depth.putIfAbsent(v, depth.get(url) + 1) == null) {
                    queue.add(v);
                }
            }
        }
        return depth;
    }

    private static void assertExact(World world, int maxDepth, List<Shard> shards, List<CrawlRecord> records) {
        Map<String, Integer> depths = FrontierPropertyTest.bfs(world, maxDepth);
        Map<String, CrawlRecord> byUrl = new HashMap<>();
        for (CrawlRecord r : records) {
            if (byUrl.put(r.url(), r) != null) {
                fail("two records for " + r.url());
            }
        }
        assertThat(byUrl.keySet()).isEqualTo(depths.keySet());
        assertThat(shards.stream().mapToLong(s -> s.frontier().stats().discovered()).sum()).isEqualTo(depths.size());
        depths.forEach((url, depth) -> {
            CrawlRecord r = byUrl.get(url);
            assertThat(r.depth()).as("depth of %s", url).isEqualTo(depth);
            assertThat(r.outcome() + "/" + r.reason()).as("outcome of %s", url)
                    .isEqualTo(FrontierPropertyTest.expected(world, url, depth, maxDepth));
        });
    }
}
