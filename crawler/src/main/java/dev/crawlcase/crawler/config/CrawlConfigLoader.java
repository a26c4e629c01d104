package dev.crawlcase.crawler.config;

import dev.crawlcase.crawler.fetch.FetchLimits;
import dev.crawlcase.crawler.fetch.HostPattern;
import dev.crawlcase.crawler.fetch.HttpVersionChoice;
import dev.crawlcase.crawler.fetch.RequestControls;
import dev.crawlcase.crawler.fetch.TlsTrust;
import dev.crawlcase.crawler.frontier.FrontierSettings;
import dev.crawlcase.crawler.frontier.SitemapSource;
import dev.crawlcase.crawler.parse.SitemapLimits;
import dev.crawlcase.crawler.frontier.RetryPolicy;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import dev.crawlcase.crawler.warc.WarcSettings;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.ConfigFile;
import dev.crawlcase.json.JsonFields;
import dev.crawlcase.json.JsonFiles;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads {@code crawl.json} strictly: unknown keys, wrong types and out-of-range values are rejected with one
 * line naming the key. Relative paths written in the file resolve against the file's folder ({@link ConfigFile}'s
 * rule: the bundled copy counts as {@code config/crawl.json} in the current folder); output files the file leaves
 * out go where they go without any config, {@code crawl-out/} in the current folder. Each fallback and each bound
 * is the constant of the settings record the value ends up in ({@link FrontierSettings}, {@link RetryPolicy},
 * {@link FetchLimits}, {@link Mode}), so every value that loads is one those records accept: a bad value fails here,
 * before any output file is opened.
 */
public final class CrawlConfigLoader {
    /** The name of the crawl config: {@code config/crawl.json}, and the copy bundled in the jar. */
    public static final String NAME = "crawl.json";

    private static final String DEFAULT_SITES = "sites.json";
    /** Where the records and the summary go when no config names them: relative to the current folder. */
    public static final Path DEFAULT_RECORDS = Path.of("crawl-out", "records.jsonl");
    public static final Path DEFAULT_SUMMARY = Path.of("crawl-out", "summary.json");

    private CrawlConfigLoader() {
    }

    public static CrawlConfig load(Path file) {
        return load(ConfigFile.of(file));
    }

    /** A crawl config on disk or bundled in the jar. */
    public static CrawlConfig load(ConfigFile file) {
        return read(file.json(), file.toString(), file);
    }

    /** The bundled defaults: {@code config/crawl.json} of the jar. */
    public static CrawlConfig bundled() {
        return load(ConfigFile.bundled(NAME));
    }

    /**
     * A crawl config given as text, read as if it were {@code crawl.json} in {@code baseDir} (null: the bundled
     * copy's place, {@code config/} in the current folder).
     */
    public static CrawlConfig parse(String text, String source, Path baseDir) {
        ConfigFile origin = baseDir == null ? ConfigFile.bundled(NAME) : ConfigFile.of(baseDir.resolve(NAME));
        return read(JsonFiles.parse(text, source), source, origin);
    }

    private static CrawlConfig read(JsonObject json, String source, ConfigFile origin) {
        try {
            return new JsonFields(json, "").build(f -> read(f, origin));
        } catch (ConfigException e) {
            throw e.in(source);
        }
    }

    private static CrawlConfig read(JsonFields f, ConfigFile origin) {
        Mode mode = mode(f);
        int concurrency = f.intIn("concurrency", Mode.DEFAULT_CONCURRENCY, Mode.CONCURRENCY_RANGE);
        int maxDepth = f.intIn("maxDepth", FrontierSettings.DEFAULT_MAX_DEPTH, FrontierSettings.MAX_DEPTH_RANGE);
        long maxPages = f.longIn("maxPages", FrontierSettings.DEFAULT_MAX_PAGES, FrontierSettings.MAX_PAGES_RANGE);
        List<String> seeds = f.strings("seeds");
        var scope = f.object("scope").build(s -> new CrawlConfig.ScopePatterns(patterns(s, "include"), patterns(s, "exclude")));
        boolean sortQuery = f.bool("sortQuery", false);
        boolean respectNofollow = f.bool("respectNofollow", false);
        var robots = f.object("robots").build(CrawlConfigLoader::robots);
        var politeness = f.object("politeness").build(p -> new CrawlConfig.Politeness(
                p.intIn("perHostConcurrency", FrontierSettings.DEFAULT_PER_HOST_CONCURRENCY,
                        FrontierSettings.PER_HOST_CONCURRENCY_RANGE),
                p.longIn("perHostDelayMs", FrontierSettings.DEFAULT_PER_HOST_DELAY_MS,
                        FrontierSettings.PER_HOST_DELAY_MS_RANGE)));
        var fetch = f.object("fetch").build(x -> fetch(x, origin));
        var retry = f.object("retry").build(CrawlConfigLoader::retry);
        long leaseTimeoutMs = f.longIn("leaseTimeoutMs", FrontierSettings.DEFAULT_LEASE_TIMEOUT_MS,
                FrontierSettings.LEASE_TIMEOUT_MS_RANGE);
        boolean allowRemote = f.bool("allowRemote", false);
        ConfigFile sites = origin.named(f.string("sites", DEFAULT_SITES));
        var output = f.object("output").build(o -> new CrawlConfig.Output(
                o.has("records") ? origin.resolve(o.string("records", "")) : DEFAULT_RECORDS,
                o.has("summary") ? origin.resolve(o.string("summary", "")) : DEFAULT_SUMMARY, warcDir(o, origin),
                o.longIn("warcFileBytes", WarcSettings.DEFAULT_MAX_FILE_BYTES, WarcSettings.MAX_FILE_BYTES_RANGE),
                recordDetail(o)));
        var sitemaps = f.object("sitemaps").build(CrawlConfigLoader::sitemaps);
        if (leaseTimeoutMs <= fetch.totalTimeoutMs()) {
            throw f.problem("leaseTimeoutMs", "must exceed fetch.totalTimeoutMs (" + fetch.totalTimeoutMs() + "), got "
                    + leaseTimeoutMs);
        }
        return new CrawlConfig(mode, concurrency, maxDepth, maxPages, seeds, scope, sortQuery, respectNofollow,
                robots, politeness, fetch, retry, leaseTimeoutMs, allowRemote, sites, output, sitemaps);
    }

    /** {@code sitemaps}: {@code use} robots (the default), always or off, and each sitemap's bounds. */
    private static CrawlConfig.Sitemaps sitemaps(JsonFields s) {
        SitemapLimits d = SitemapLimits.DEFAULTS;
        return new CrawlConfig.Sitemaps(labelled(s, "use", SitemapSource.DEFAULT.label(), SitemapSource::parse),
                new SitemapLimits(
                        s.intIn("maxBytes", d.maxBytes(), SitemapLimits.MAX_BYTES_RANGE),
                        s.intIn("maxUrls", d.maxUrls(), SitemapLimits.MAX_URLS_RANGE),
                        s.intIn("maxIndexDepth", d.maxIndexDepth(), SitemapLimits.MAX_INDEX_DEPTH_RANGE)));
    }

    /** {@code output.warc}: the WARC folder, or null (the default) for no archive. */
    /** {@code output.warc}: a folder, relative to the config file's folder like every path written in it. */
    private static Path warcDir(JsonFields o, ConfigFile origin) {
        String dir = o.string("warc", null);
        return dir == null ? null : origin.resolve(dir);
    }

    /** {@code output.recordDetail}: basic (the default), full or text. */
    private static RecordDetail recordDetail(JsonFields o) {
        return labelled(o, "recordDetail", RecordDetail.BASIC.label(), RecordDetail::parse);
    }

    private static Mode mode(JsonFields f) {
        return labelled(f, "mode", Mode.DEFAULT.label(), Mode::parse);
    }

    /** A value named by its label; a label {@code parse} refuses is a problem naming the key. */
    private static <T> T labelled(JsonFields f, String key, String fallback, Function<String, T> parse) {
        try {
            return parse.apply(f.string(key, fallback));
        } catch (IllegalArgumentException e) {
            throw f.problem(key, e.getMessage());
        }
    }

    private static CrawlConfig.Robots robots(JsonFields r) {
        return new CrawlConfig.Robots(r.bool("obey", FrontierSettings.DEFAULT_OBEY_ROBOTS),
                r.string("userAgent", FrontierSettings.DEFAULT_USER_AGENT),
                r.longIn("cacheTtlSeconds", FrontierSettings.DEFAULT_ROBOTS_TTL_MS / 1000,
                        FrontierSettings.ROBOTS_TTL_MS_RANGE.inUnitsOf(1000)),
                r.intIn("cacheSize", FrontierSettings.DEFAULT_ROBOTS_CACHE_SIZE, FrontierSettings.ROBOTS_CACHE_SIZE_RANGE),
                r.longIn("maxCrawlDelayMs", FrontierSettings.DEFAULT_MAX_CRAWL_DELAY_MS,
                        FrontierSettings.MAX_CRAWL_DELAY_MS_RANGE),
                r.bool("obeyPageDirectives", true));
    }

    /** The fetch limits, with the rules {@link FetchLimits} itself applies between them. */
    private static CrawlConfig.Fetch fetch(JsonFields x, ConfigFile origin) {
        long connect = x.longIn("connectTimeoutMs", FetchLimits.DEFAULT_CONNECT_TIMEOUT_MS,
                FetchLimits.CONNECT_TIMEOUT_MS_RANGE);
        long firstByte = x.longIn("firstByteTimeoutMs", FetchLimits.DEFAULT_FIRST_BYTE_TIMEOUT_MS,
                FetchLimits.FIRST_BYTE_TIMEOUT_MS_RANGE);
        long total = x.longIn("totalTimeoutMs", FetchLimits.DEFAULT_TOTAL_TIMEOUT_MS, FetchLimits.TOTAL_TIMEOUT_MS_RANGE);
        long maxBody = x.longIn("maxBodyBytes", FetchLimits.DEFAULT_MAX_BODY_BYTES, FetchLimits.MAX_BODY_BYTES_RANGE);
        int maxRedirects = x.intIn("maxRedirects", FrontierSettings.DEFAULT_MAX_REDIRECTS,
                FrontierSettings.MAX_REDIRECTS_RANGE);
        String userAgent = x.string("userAgent", FetchLimits.DEFAULT_USER_AGENT);
        // loaded now, so a missing or broken certificate file is one line and exit 2 before any request
        TlsTrust trust = TlsTrust.load("trustCertificates",
                x.strings("trustCertificates").stream().map(origin::resolve).toList());
        FetchLimits.checkTimeouts(firstByte, total);
        FetchLimits.checkUserAgent(userAgent);
        boolean allowPrivateNetworks = x.bool("allowPrivateNetworks", false);
        HttpVersionChoice httpVersion = HttpVersionChoice.parse("httpVersion",
                x.string("httpVersion", HttpVersionChoice.DEFAULT.label()));
        return new CrawlConfig.Fetch(connect, firstByte, total, maxBody, maxRedirects, userAgent, allowPrivateNetworks,
                trust, httpVersion, request(x));
    }

    /**
     * {@code headers} (name to value, every host), {@code hostHeaders} ([{hosts, headers}]), {@code acceptLanguage},
     * {@code cookies}, {@code auth} ([{hosts, user, password or passwordEnv}]) and {@code proxy} (http://host:port).
     */
    private static RequestControls request(JsonFields x) {
        List<RequestControls.HeaderRule> headers = new ArrayList<>(headers(x.object("headers"), HostPattern.ANY));
        x.objects("hostHeaders", h -> headers.addAll(headers(h.object("headers"),
                HostPattern.parse("hosts", h.requiredString("hosts")))));
        String acceptLanguage = x.string("acceptLanguage", null);
        boolean cookies = x.bool("cookies", false);
        List<RequestControls.BasicAuth> auth = x.objects("auth", CrawlConfigLoader::basicAuth);
        String proxy = x.string("proxy", null);
        return new RequestControls(headers, acceptLanguage, cookies, auth,
                proxy == null ? null : RequestControls.Proxy.parse("proxy", proxy));
    }

    private static List<RequestControls.HeaderRule> headers(JsonFields h, HostPattern hosts) {
        List<RequestControls.HeaderRule> out = new ArrayList<>();
        for (String name : h.names()) {
            try {
                out.add(new RequestControls.HeaderRule(hosts, name, h.string(name, null)));
            } catch (ConfigException e) {
                throw h.problem(name, e.problem());
            }
        }
        return out;
    }

    /** The password from the file or from an environment variable (so the file can be shared without it). */
    private static RequestControls.BasicAuth basicAuth(JsonFields a) {
        HostPattern hosts = HostPattern.parse("hosts", a.requiredString("hosts"));
        String user = a.requiredString("user");
        String password = a.string("password", null);
        String env = a.string("passwordEnv", null);
        if ((password == null) == (env == null)) {
            throw a.problem("password", "give exactly one of password and passwordEnv");
        }
        if (env != null) {
            password = System.getenv(env);
            if (password == null) {
                throw a.problem("passwordEnv", "environment variable " + env + " is not set");
            }
        }
        return new RequestControls.BasicAuth(hosts, user, password);
    }

    /** Built here, so the policy's own rule (maxDelayMs not below baseDelayMs) names its key at load time. */
    private static RetryPolicy retry(JsonFields t) {
        return new RetryPolicy(t.intIn("maxRetries", RetryPolicy.DEFAULT_MAX_RETRIES, RetryPolicy.MAX_RETRIES_RANGE),
                t.longIn("baseDelayMs", RetryPolicy.DEFAULT_BASE_DELAY_MS, RetryPolicy.BASE_DELAY_MS_RANGE),
                t.longIn("maxDelayMs", RetryPolicy.DEFAULT_MAX_DELAY_MS, RetryPolicy.MAX_DELAY_MS_RANGE),
                t.longIn("maxRetryAfterMs", RetryPolicy.DEFAULT_MAX_RETRY_AFTER_MS, RetryPolicy.MAX_RETRY_AFTER_MS_RANGE));
    }

    private static List<String> patterns(JsonFields f, String name) {
        List<String> list = f.strings(name);
        for (int i = 0; i < list.size(); i++) {
            try {
                Pattern.compile(list.get(i));
            } catch (PatternSyntaxException e) {
                throw f.problem(name + "[" + i + "]", "not a valid regex (" + e.getDescription() + ")");
            }
        }
        return list;
    }
}
