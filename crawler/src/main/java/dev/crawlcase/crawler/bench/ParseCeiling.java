package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.frontier.UrlNormalizer;
import dev.crawlcase.crawler.parse.PageParser;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Reply;
import dev.crawlcase.sites.model.Resource;
import dev.crawlcase.sites.model.SiteGenerator;
import dev.crawlcase.sites.model.SiteModel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The parse ceiling: how many MB/s the crawler's own parse step ({@link PageParser} with the crawler's URL
 * normaliser, exactly what a fetch verticle runs per page) gets through on the world's HTML pages, rendered with the
 * running sites' real base URLs so the bytes are the ones served. No network, no frontier: the fastest a crawl of
 * these pages could go on {@code threads} threads. Each thread parses every page once unmeasured (JIT), then
 * loops over the pages for the measured time.
 */
final class ParseCeiling {
    private record Body(String url, byte[] bytes) {
    }

    private final List<Body> bodies = new ArrayList<>();
    private final PageParser parser = new PageParser();
    private final UrlNormalizer normalizer = new UrlNormalizer(false);

    ParseCeiling(WorldConfig world, Map<String, String> baseUrls) {
        Replies replies = new Replies(world.seed(), baseUrls);
        for (SiteSpec spec : world.sites()) {
            SiteModel site = SiteGenerator.generate(world.seed(), spec, world.siteNames());
            for (Resource resource : site.resources().values()) {
                if (resource instanceof Resource.Page page && page.style() == Resource.Style.NORMAL) {
                    Reply reply = replies.reply(site, page);
                    bodies.add(new Body(replies.renderer().absolute(page.self()), reply.body()));
                }
            }
        }
    }

    long totalBytes() {
        return bodies.stream().mapToLong(b -> b.bytes().length).sum();
    }

    int pages() {
        return bodies.size();
    }

    /** Parsed MB/s (MiB) on {@code threads} threads over about {@code millis} ms. */
    double mbPerSecond(int threads, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> warm = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                warm.add(pool.submit(() -> bodies.forEach(this::parse)));
            }
            for (Future<?> f : warm) {
                f.get();
            }
            AtomicLong bytes = new AtomicLong();
            long start = System.nanoTime();
            long deadline = start + millis * 1_000_000;
            List<Future<?>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * Math.max(1, bodies.size() / threads);
                runs.add(pool.submit(() -> {
                    for (int i = 0; System.nanoTime() < deadline; i++) {
                        Body b = bodies.get((offset + i) % bodies.size());
                        parse(b);
                        bytes.addAndGet(b.bytes().length);
                    }
                }));
            }
            for (Future<?> f : runs) {
                f.get();
            }
            return bytes.get() / RunFigures.MB / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    private void parse(Body b) {
        parser.parse(b.bytes(), "UTF-8", b.url(), false, normalizer::normalize);
    }
}
