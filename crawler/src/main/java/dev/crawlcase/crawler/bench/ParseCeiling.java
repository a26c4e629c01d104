package dev.crawlcase.crawler.bench;

import dev.crawlcase.crawler.url.UrlNormalizer;
import dev.crawlcase.crawler.parse.PageParser;
import dev.crawlcase.sites.config.SiteSpec;
import dev.crawlcase.sites.config.WorldConfig;
import dev.crawlcase.sites.model.Replies;
import dev.crawlcase.sites.model.Reply;
import dev.crawlcase.sites.model.Resource;
import dev.crawlcase.sites.model.SiteGenerator;
import dev.crawlcase.sites.model.SiteModel;

import org.jsoup.Jsoup;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The parse ceiling: how many MB/s the crawler's own parse step ({@link PageParser} with the crawler's URL
 * normaliser, exactly what a fetch verticle runs per page) gets through on the world's HTML pages, rendered with the
 * running sites' real base URLs so the bytes are the ones served. No network, no frontier: the fastest a crawl of
 * these pages could go on {@code threads} threads. Each thread parses every page unmeasured until the JIT has
 * settled ({@link JitWarmup}), then loops over the pages for the measured time, cut into {@link #WINDOWS} windows of
 * which the fastest counts (on a shared 2-core VM a late JIT compile or a neighbour can halve one window).
 */
final class ParseCeiling {
    /** The measured time is cut into this many windows and the best one counts: a ceiling, not an average. */
    static final int WINDOWS = 5;

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

    /** Parsed MB/s (MiB) of the crawler's parse step on {@code threads} threads, best window of about {@code millis} ms. */
    double mbPerSecond(int threads, long millis) throws Exception {
        return mbPerSecond(threads, millis, this::parse);
    }

    /**
     * MB/s of jsoup's parse alone (the document tree, no link extraction or URL normalisation): what the parse
     * step adds on top of it is work a crawler has to do, so the step is the ceiling and this row shows its cost.
     */
    double jsoupMbPerSecond(int threads, long millis) throws Exception {
        return mbPerSecond(threads, millis, ParseCeiling::jsoup);
    }

    private double mbPerSecond(int threads, long millis, Consumer<Body> step) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            new JitWarmup().run(() -> {
                List<Future<?>> warm = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    warm.add(pool.submit(() -> bodies.forEach(step)));
                }
                warm.forEach(ParseCeiling::join);
            });
            double best = 0;
            for (int w = 0; w < WINDOWS; w++) {
                best = Math.max(best, window(pool, threads, millis / WINDOWS, step));
            }
            return best;
        } finally {
            pool.shutdownNow();
        }
    }

    /** MB/s of one window of {@code millis} ms with {@code threads} threads busy. */
    private double window(ExecutorService pool, int threads, long millis, Consumer<Body> step) {
        AtomicLong bytes = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + millis * 1_000_000;
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int offset = t * Math.max(1, bodies.size() / threads) + (int) (start % bodies.size());
            runs.add(pool.submit(() -> {
                for (int i = 0; System.nanoTime() < deadline; i++) {
                    Body b = bodies.get((offset + i) % bodies.size());
                    step.accept(b);
                    bytes.addAndGet(b.bytes().length);
                }
            }));
        }
        runs.forEach(ParseCeiling::join);
        return bytes.get() / RunFigures.MB / ((System.nanoTime() - start) / 1e9);
    }

    private static void join(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("parse ceiling interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("parse ceiling failed", e.getCause());
        }
    }

    private static void jsoup(Body b) {
        try {
            Jsoup.parse(new ByteArrayInputStream(b.bytes()), "UTF-8", b.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void parse(Body b) {
        parser.parse(b.bytes(), "UTF-8", b.url(), false, normalizer::normalize);
    }
}
