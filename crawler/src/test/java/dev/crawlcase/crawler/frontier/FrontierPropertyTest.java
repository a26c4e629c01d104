package dev.crawlcase.crawler.frontier;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.url.HostKey;
import dev.crawlcase.crawler.url.UrlNormalizer;

import dev.crawlcase.crawler.task.CrawlRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Runs random link graphs with random faults (retryable errors, lost leases, late results, robots.txt failures)
 * through the frontier with a fake fetcher that completes tasks out of order, then checks that every discovered
 * URL has exactly one record, at its BFS shortest-path depth (computed here independently), with the right outcome.
 */
class FrontierPropertyTest {
    private static final String OUTSIDE = "http://127.0.0.9:1/o";

    enum Kind { HTML, REDIRECT, NOT_FOUND, PDF }

    record Page(Kind kind, List<String> links, String target) {
    }

    /** A random world: pages on three (or more) loopback hosts, some robots.txt rules, a fault budget per URL. */
    static final class World {
        final Map<String, Page> pages = new HashMap<>();
        final Map<String, Boolean> disallowP7 = new HashMap<>();
        final Map<String, Integer> faults = new HashMap<>();
        final List<String> seeds = new ArrayList<>();

        World(Random rnd, int maxRetries) {
            this(rnd, maxRetries, 3);
        }

        /** A world on {@code hosts} hosts, with about as many pages per host as the three-host one. */
        World(Random rnd, int maxRetries, int hosts) {
            int n = (20 + rnd.nextInt(60)) * hosts / 3;
            List<String> urls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                urls.add("http://127.0.0.1:" + (9001 + i % hosts) + "/p" + i);
            }
            for (int h = 0; h < hosts; h++) {
                seeds.add(urls.get(h));
                disallowP7.put("http://127.0.0.1:" + (9001 + h), rnd.nextInt(3) == 0);
            }
            for (String url : urls) {
                int roll = rnd.nextInt(20);
                Kind kind = roll < 14 ? Kind.HTML : roll < 17 ? Kind.REDIRECT : roll < 18 ? Kind.NOT_FOUND : Kind.PDF;
                List<String> links = new ArrayList<>();
                for (int k = rnd.nextInt(6); k > 0; k--) {
                    String link = rnd.nextInt(12) == 0 ? OUTSIDE + rnd.nextInt(5) : urls.get(rnd.nextInt(n));
                    if (!links.contains(link)) {
                        links.add(link);
                    }
                }
                pages.put(url, new Page(kind, links, null));
                faults.put(url, rnd.nextInt(maxRetries + 1) * (rnd.nextInt(3) == 0 ? 1 : 0));
            }
            for (String url : urls) {
                if (pages.get(url).kind() == Kind.REDIRECT) {
                    String target = urls.stream().filter(u -> pages.get(u).kind() == Kind.HTML).skip(rnd.nextInt(5))
                            .findFirst().orElse(urls.get(0));
                    pages.put(url, new Page(target.equals(url) ? Kind.HTML : Kind.REDIRECT, pages.get(url).links(),
                            target));
                }
            }
            for (int h = 0; h < hosts; h++) {
                faults.put("http://127.0.0.1:" + (9001 + h) + "/robots.txt", rnd.nextInt(maxRetries + 1));
            }
        }

        int hosts() {
            return disallowP7.size();
        }

        boolean disallowed(String url) {
            return disallowP7.get(HostKey.of(url)) && url.substring(url.indexOf('/', 8)).startsWith("/p7");
        }

        FetchOutcome fetch(FetchTask t, Random rnd) {
            int left = faults.getOrDefault(t.url(), 0);
            if (left > 0) {
                faults.put(t.url(), left - 1);
                return switch (rnd.nextInt(3)) {
                    case 0 -> Outcomes.error(t, ErrorKind.RESET);
                    case 1 -> Outcomes.status(t, 429, rnd.nextInt(300));
                    default -> Outcomes.status(t, 503);
                };
            }
            if (t.kind() == FetchTask.Kind.ROBOTS) {
                return disallowP7.get(HostKey.of(t.url()))
                        ? Outcomes.robots(t, 200, "User-agent: *\nDisallow: /p7\n") : Outcomes.robots(t, 404, "");
            }
            Page page = pages.get(t.url());
            return switch (page.kind()) {
                case HTML -> Outcomes.html(t, page.links().toArray(String[]::new));
                case REDIRECT -> Outcomes.redirect(t, 301, page.target());
                case NOT_FOUND -> Outcomes.status(t, 404);
                case PDF -> Outcomes.contentType(t, "application/pdf");
            };
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, Long.getLong("worlds", 60));
    }

    @ParameterizedTest(name = "world {0}")
    @MethodSource("seeds")
    void everyDiscoveredUrlHasOneRecordAtItsShortestDepth(long seed) {
        Random rnd = new Random(seed);
        int maxDepth = 2 + rnd.nextInt(6);
        World world = new World(rnd, 3);
        FrontierSettings settings = new FrontierSettings(maxDepth, 0, 1 + rnd.nextInt(4), rnd.nextInt(30), true,
                1_000, 10, new RetryPolicy(3, 10, 200, 500), 1_000, 200 + rnd.nextInt(5_000), 100, "crawlcase", false);
        List<CrawlRecord> records = new ArrayList<>();
        Frontier frontier = crawl(world, settings, rnd, records, Long.MAX_VALUE, 0);
        assertExact(world, maxDepth, frontier, records);
    }

    /**
     * Shallow pages that answer late while deep ones run ahead, and a maxDepth that binds: the depths found first
     * are often too deep, so fetched pages, leased ones and ones held over maxDepth must be lowered afterwards.
     */
    @ParameterizedTest(name = "world {0}")
    @MethodSource("seeds")
    void slowShallowPagesStillGiveShortestDepthsAtTheDepthLimit(long seed) {
        Random rnd = new Random(seed);
        int maxDepth = 2 + rnd.nextInt(2);
        World world = new World(rnd, 1);
        FrontierSettings settings = new FrontierSettings(maxDepth, 0, 2 + rnd.nextInt(6), 0, true,
                1_000, 10, new RetryPolicy(1, 10, 200, 500), 60_000, 10_000, 100, "crawlcase", false);
        List<CrawlRecord> records = new ArrayList<>();
        Frontier frontier = crawl(world, settings, rnd, records, Long.MAX_VALUE, 2);
        assertExact(world, maxDepth, frontier, records);
    }

    static void assertExact(World world, int maxDepth, Frontier frontier, List<CrawlRecord> records) {
        Map<String, Integer> depths = bfs(world, maxDepth);
        Map<String, CrawlRecord> byUrl = new HashMap<>();
        for (CrawlRecord r : records) {
            if (byUrl.put(r.url(), r) != null) {
                fail("two records for " + r.url());
            }
        }
        assertThat(byUrl.keySet()).isEqualTo(depths.keySet());
        assertThat(frontier.stats().discovered()).isEqualTo(depths.size());
        depths.forEach((url, depth) -> {
            CrawlRecord r = byUrl.get(url);
            assertThat(r.depth()).as("depth of %s", url).isEqualTo(depth);
            assertThat(r.outcome() + "/" + r.reason()).as("outcome of %s", url)
                    .isEqualTo(expected(world, url, depth, maxDepth));
        });
    }

    @ParameterizedTest(name = "world {0}")
    @MethodSource("seeds")
    void aStopOrPageLimitStillLeavesOneRecordPerUrl(long seed) {
        Random rnd = new Random(seed);
        World world = new World(rnd, 2);
        FrontierSettings settings = new FrontierSettings(4, rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(20), 2, 0,
                true, 0, 10, new RetryPolicy(2, 10, 100, 100), 500, 10_000, 100, "crawlcase", false);
        List<CrawlRecord> records = new ArrayList<>();
        Frontier frontier = crawl(world, settings, rnd, records, 1 + rnd.nextInt(60), 0);
        assertThat(records.stream().map(CrawlRecord::url)).doesNotHaveDuplicates();
        assertThat((long) records.size()).isEqualTo(frontier.stats().discovered());
        assertThat(frontier.stats().pagesLeased()).isLessThanOrEqualTo(
                settings.maxPages() == 0 ? Long.MAX_VALUE : settings.maxPages());
    }

    /**
     * Drives the frontier like a pool of fetchers that answer out of order. With {@code slowOneIn > 0} some tasks are
     * slow (passed over nine times in ten when picked): one in {@code slowOneIn} at depth 0, half as many per level
     * deeper, so deep pages often finish before shallow ones. Stops (finish) after {@code steps} rounds.
     */
    static Frontier crawl(World world, FrontierSettings settings, Random rnd, List<CrawlRecord> records,
                                  long steps, int slowOneIn) {
        AtomicLong now = new AtomicLong();
        Frontier frontier = new Frontier(settings, Scope.ofSeeds(world.seeds), UrlNormalizer.defaults(),
                records::add, Mode.ASYNC, now::get, new Random(rnd.nextLong()));
        frontier.seed(world.seeds);
        List<FetchTask> inFlight = new ArrayList<>();
        List<FetchTask> lost = new ArrayList<>();
        Set<Long> slow = new HashSet<>();
        for (long round = 0; !frontier.isFinished() && round < steps; round++) {
            assertThat(round).as("crawl must end").isLessThan(200_000);
            assertCountersMatchStates(frontier);
            frontier.expireLeases();
            for (FetchTask task : frontier.lease(1 + rnd.nextInt(5))) {
                inFlight.add(task);
                if (slowOneIn > 0 && rnd.nextInt(slowOneIn << Math.min(task.depth(), 8)) == 0) {
                    slow.add(task.leaseId());
                }
            }
            if (inFlight.isEmpty()) {
                if (frontier.isFinished()) {
                    continue; // a lost robots.txt lease just expired, and the page limit leaves nothing to do
                }
                long wake = frontier.nextWakeupMs();
                assertThat(wake).as("stuck: nothing in flight and nothing to wait for").isNotEqualTo(Long.MAX_VALUE);
                now.set(Math.max(now.get() + 1, wake));
                continue;
            }
            for (int k = rnd.nextInt(inFlight.size() + 1); k > 0; k--) {
                int pick = rnd.nextInt(inFlight.size());
                if (slow.contains(inFlight.get(pick).leaseId()) && rnd.nextInt(10) != 0) {
                    continue;
                }
                FetchTask task = inFlight.remove(pick);
                if (rnd.nextInt(40) == 0) {
                    lost.add(task);
                } else {
                    assertThat(frontier.complete(world.fetch(task, rnd))).isTrue();
                }
            }
            if (!lost.isEmpty() && rnd.nextInt(10) == 0) {
                FetchTask late = lost.remove(0);
                frontier.complete(world.fetch(late, rnd));
            }
            now.addAndGet(rnd.nextInt(40));
        }
        frontier.finish();
        assertCountersMatchStates(frontier);
        return frontier;
    }

    /** The URL book's counters equal its states counted one by one, and the stats read those counters. */
    private static void assertCountersMatchStates(Frontier frontier) {
        UrlBook book = frontier.book();
        Map<UrlBook.State, Long> recount = book.recount();
        for (UrlBook.State state : UrlBook.State.values()) {
            assertThat(book.count(state)).as("URLs %s", state).isEqualTo(recount.get(state));
        }
        assertThat(frontier.stats().queued()).isEqualTo(recount.get(UrlBook.State.QUEUED)
                + recount.get(UrlBook.State.RETRY));
        assertThat(frontier.stats().discovered()).isEqualTo(book.size());
    }

    /** Shortest-path depths of every URL the crawl should discover (leaves: out of scope, too deep, ...). */
    static Map<String, Integer> bfs(World world, int maxDepth) {
        Map<String, Integer> depth = new HashMap<>();
        ArrayDeque<String> queue = new ArrayDeque<>();
        for (String seed : world.seeds) {
            depth.put(seed, 0);
            queue.add(seed);
        }
        while (!queue.isEmpty()) {
            String url = queue.poll();
            Page page = world.pages.get(url);
            int d = depth.get(url);
            if (page == null || d > maxDepth || world.disallowed(url)) {
                continue;
            }
            List<String> next = page.kind() == Kind.HTML ? page.links()
                    : page.kind() == Kind.REDIRECT ? List.of(page.target()) : List.of();
            for (String v : next) {
                if (depth.putIfAbsent(v, d + 1) == null) {
                    queue.add(v);
                }
            }
        }
        return depth;
    }

    static String expected(World world, String url, int depth, int maxDepth) {
        Page page = world.pages.get(url);
        if (page == null) {
            return "skipped/scope";
        }
        if (depth > maxDepth) {
            return "skipped/depth";
        }
        if (world.disallowed(url)) {
            return "skipped/robots";
        }
        return switch (page.kind()) {
            case HTML -> "fetched/null";
            case REDIRECT -> "redirected/null";
            case NOT_FOUND -> "failed/http_404";
            case PDF -> "skipped/content_type";
        };
    }
}
