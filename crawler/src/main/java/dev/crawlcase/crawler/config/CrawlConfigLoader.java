package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.JsonFields;
import dev.crawlcase.json.JsonFiles;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code crawl.json} strictly: unknown keys, wrong types and out-of-range values are rejected with one
 * line naming the key. Relative paths inside the file resolve against the file's folder.
 */
public final class CrawlConfigLoader {
    /** The defaults shipped inside the jar, used when {@code config/crawl.json} is not on disk. */
    public static final String BUNDLED = "/config/crawl.json";

    private CrawlConfigLoader() {
    }

    public static CrawlConfig load(Path file) {
        return read(JsonFiles.read(file), file.toString(), file.toAbsolutePath().getParent());
    }

    /** The bundled defaults; their {@code sites} path points at the bundled sites config. */
    public static CrawlConfig bundled() {
        try (InputStream in = CrawlConfigLoader.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled " + BUNDLED + " missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled crawl.json", null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static CrawlConfig parse(String text, String source, Path baseDir) {
        return read(JsonFiles.parse(text, source), source, baseDir);
    }

    private static CrawlConfig read(JsonObject json, String source, Path baseDir) {
        try {
            return read(new JsonFields(json, ""), baseDir);
        } catch (ConfigException e) {
            throw e.in(source);
        }
    }

    private static CrawlConfig read(JsonFields f, Path baseDir) {
        Mode mode;
        String modeName = f.string("mode", "async");
        try {
            mode = Mode.parse(modeName);
        } catch (IllegalArgumentException e) {
            throw f.problem("mode", e.getMessage());
        }
        int concurrency = f.intIn("concurrency", 64, 1, 100_000);
        int maxDepth = f.intIn("maxDepth", 8, 0, 10_000);
        long maxPages = f.longIn("maxPages", 0, 0, Long.MAX_VALUE);
        var seeds = f.strings("seeds");
        JsonFields s = f.object("scope");
        var scope = new CrawlConfig.Scope(patterns(s, "include"), patterns(s, "exclude"));
        s.done();
        boolean sortQuery = f.bool("sortQuery", false);
        boolean respectNofollow = f.bool("respectNofollow", false);
        JsonFields r = f.object("robots");
        var robots = new CrawlConfig.Robots(r.bool("obey", true), r.string("userAgent", "crawlcase"),
                r.longIn("cacheTtlSeconds", 3600, 1, 365L * 24 * 3600), r.intIn("cacheSize", 10_000, 1, 10_000_000),
                r.longIn("maxCrawlDelayMs", 10_000, 0, 3_600_000));
        r.done();
        JsonFields p = f.object("politeness");
        var politeness = new CrawlConfig.Politeness(p.intIn("perHostConcurrency", 16, 1, 100_000),
                p.longIn("perHostDelayMs", 0, 0, 3_600_000));
        p.done();
        JsonFields x = f.object("fetch");
        var fetch = new CrawlConfig.Fetch(x.longIn("connectTimeoutMs", 2_000, 1, 600_000),
                x.longIn("firstByteTimeoutMs", 5_000, 1, 600_000), x.longIn("totalTimeoutMs", 30_000, 1, 3_600_000),
                x.longIn("maxBodyBytes", 10L << 20, 1, Integer.MAX_VALUE), x.intIn("maxRedirects", 10, 0, 100),
                x.string("userAgent", "crawlcase/0.1 (+https://github.com/crawlcase/crawlcase)"));
        x.done();
        JsonFields t = f.object("retry");
        var retry = new CrawlConfig.Retry(t.intIn("maxRetries", 3, 0, 100), t.longIn("baseDelayMs", 100, 0, 600_000),
                t.longIn("maxDelayMs", 5_000, 0, 3_600_000), t.longIn("maxRetryAfterMs", 10_000, 0, 3_600_000));
        t.done();
        long leaseTimeoutMs = f.longIn("leaseTimeoutMs", 120_000, 1, 24L * 3600_000);
        boolean allowRemote = f.bool("allowRemote", false);
        Path sites = path(baseDir, f.string("sites", "sites.json"));
        JsonFields o = f.object("output");
        var output = new CrawlConfig.Output(Path.of(o.string("records", "crawl-out/records.jsonl")),
                Path.of(o.string("summary", "crawl-out/summary.json")));
        o.done();
        f.done();
        if (fetch.firstByteTimeoutMs() > fetch.totalTimeoutMs()) {
            throw f.problem("fetch.firstByteTimeoutMs", "must not exceed fetch.totalTimeoutMs ("
                    + fetch.totalTimeoutMs() + "), got " + fetch.firstByteTimeoutMs());
        }
        if (leaseTimeoutMs <= fetch.totalTimeoutMs()) {
            throw f.problem("leaseTimeoutMs", "must exceed fetch.totalTimeoutMs ("
                    + fetch.totalTimeoutMs() + "), got " + leaseTimeoutMs);
        }
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output);
    }

    private static java.util.List<String> patterns(JsonFields f, String name) {
        var list = f.strings(name);
        for (int i = 0; i < list.size(); i++) {
            try {
                Pattern.compile(list.get(i));
            } catch (PatternSyntaxException e) {
                throw f.problem(name + "[" + i + "]", "not a valid regex (" + e.getDescription() + ")");
            }
        }
        return list;
    }

    /** Relative to the config file's folder; null (= the bundled sites) for the bundled config. */
    private static Path path(Path baseDir, String value) {
        Path p = Path.of(value);
        if (p.isAbsolute()) {
            return p;
        }
        return baseDir == null ? null : baseDir.resolve(p).normalize();
    }

}
