package dev.crawlcase.crawler.testkit;

import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.config.CrawlConfigLoader;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.RecordDetail;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A test's crawl config, set key by key instead of written as JSON text: what a test does not set keeps the
 * loader's default. It becomes a {@link CrawlConfig} through the real loader ({@link #load}), so a test config is
 * checked like a user's, or a {@code crawl.json} for the command line ({@link #writeTo}). Settings of one section
 * add up: {@code timeouts(...).maxBodyBytes(...)} sets four keys of {@code fetch}.
 */
public final class TestConfig {
    private final JsonObject json = new JsonObject();

    private TestConfig() {
    }

    /** Nothing set yet: every key at the loader's default. */
    public static TestConfig crawl() {
        return new TestConfig();
    }

    public TestConfig mode(Mode mode) {
        return put(null, "mode", mode.label());
    }

    public TestConfig concurrency(int requestsInFlight) {
        return put(null, "concurrency", requestsInFlight);
    }

    public TestConfig maxDepth(int depth) {
        return put(null, "maxDepth", depth);
    }

    public TestConfig maxPages(long pages) {
        return put(null, "maxPages", pages);
    }

    /** {@code scope.include}: the URLs matching one of these regular expressions are in scope too. */
    public TestConfig include(String... patterns) {
        return put("scope", "include", new JsonArray(List.of((Object[]) patterns)));
    }

    public TestConfig obeyRobots(boolean obey) {
        return put("robots", "obey", obey);
    }

    /** {@code robots.obeyPageDirectives}: whether a nofollow page's links are left alone. */
    public TestConfig obeyPageDirectives(boolean obey) {
        return put("robots", "obeyPageDirectives", obey);
    }

    /** {@code sitemaps.use}: robots, always or off. */
    public TestConfig sitemaps(String use) {
        return put("sitemaps", "use", use);
    }

    /** {@code sitemaps.maxBytes}, {@code maxUrls}, {@code maxIndexDepth}: each sitemap's bounds. */
    public TestConfig sitemapLimits(int maxBytes, int maxUrls, int maxIndexDepth) {
        return put("sitemaps", "maxBytes", maxBytes).put("sitemaps", "maxUrls", maxUrls)
                .put("sitemaps", "maxIndexDepth", maxIndexDepth);
    }

    public TestConfig perHostConcurrency(int requestsInFlight) {
        return put("politeness", "perHostConcurrency", requestsInFlight);
    }

    /** {@code politeness.perHostDelayMs}: the least time between two requests' starts at one host. */
    public TestConfig delayMs(long perHostDelayMs) {
        return put("politeness", "perHostDelayMs", perHostDelayMs);
    }

    public TestConfig timeouts(long connectMs, long firstByteMs, long totalMs) {
        return put("fetch", "connectTimeoutMs", connectMs).put("fetch", "firstByteTimeoutMs", firstByteMs)
                .put("fetch", "totalTimeoutMs", totalMs);
    }

    public TestConfig maxBodyBytes(long bytes) {
        return put("fetch", "maxBodyBytes", bytes);
    }

    /** {@code fetch.trustCertificates}: PEM files whose certificates are trusted besides the JDK's authorities. */
    public TestConfig trustCertificates(Path... pemFiles) {
        return put("fetch", "trustCertificates",
                new JsonArray(List.of(pemFiles).stream().map(Path::toString).map(Object.class::cast).toList()));
    }

    /** {@code fetch.httpVersion}: "1.1", "2" or "auto". */
    public TestConfig httpVersion(String version) {
        return put("fetch", "httpVersion", version);
    }

    /** {@code fetch.headers}: one more header sent to every host. */
    public TestConfig header(String name, String value) {
        JsonObject fetch = section("fetch");
        JsonObject headers = fetch.getJsonObject("headers", new JsonObject());
        fetch.put("headers", headers.put(name, value));
        return this;
    }

    /** {@code fetch.hostHeaders}: one header sent only to the hosts {@code hosts} matches. */
    public TestConfig hostHeader(String hosts, String name, String value) {
        return add("hostHeaders", new JsonObject().put("hosts", hosts).put("headers", new JsonObject().put(name, value)));
    }

    public TestConfig acceptLanguage(String value) {
        return put("fetch", "acceptLanguage", value);
    }

    /** {@code fetch.cookies}: keep a cookie jar for the crawl. */
    public TestConfig cookies(boolean on) {
        return put("fetch", "cookies", on);
    }

    /** {@code fetch.auth}: Basic credentials for the hosts {@code hosts} matches. */
    public TestConfig basicAuth(String hosts, String user, String password) {
        return add("auth", new JsonObject().put("hosts", hosts).put("user", user).put("password", password));
    }

    /** {@code fetch.proxy}: http://host:port. */
    public TestConfig proxy(String url) {
        return put("fetch", "proxy", url);
    }

    public TestConfig maxRedirects(int redirects) {
        return put("fetch", "maxRedirects", redirects);
    }

    public TestConfig retries(int maxRetries, long baseDelayMs, long maxDelayMs) {
        return put("retry", "maxRetries", maxRetries).put("retry", "baseDelayMs", baseDelayMs)
                .put("retry", "maxDelayMs", maxDelayMs);
    }

    public TestConfig maxRetryAfterMs(long ms) {
        return put("retry", "maxRetryAfterMs", ms);
    }

    /** Three retries 5 to 50 ms apart, Retry-After capped at 50 ms: a test never waits for a backoff. */
    public TestConfig fastRetries() {
        return retries(3, 5, 50).maxRetryAfterMs(50);
    }

    public TestConfig leaseTimeoutMs(long ms) {
        return put(null, "leaseTimeoutMs", ms);
    }

    public TestConfig allowRemote(boolean allow) {
        return put(null, "allowRemote", allow);
    }

    /** The sites config, relative to the folder the config is loaded from or written to. */
    public TestConfig sites(String path) {
        return put(null, "sites", path);
    }

    public TestConfig output(Path records, Path summary) {
        return put("output", "records", records.toString()).put("output", "summary", summary.toString());
    }

    /** Records and summary in {@code dir}: {@code records.jsonl} and {@code summary.json}. */
    /** {@code output.recordDetail}: basic, full or text. */
    public TestConfig recordDetail(RecordDetail detail) {
        return put("output", "recordDetail", detail.label());
    }

    /** {@code output.warc} and {@code output.warcFileBytes}: keep a WARC archive in {@code dir}. */
    public TestConfig warc(Path dir, long fileBytes) {
        return put("output", "warc", dir.toString()).put("output", "warcFileBytes", fileBytes);
    }

    public TestConfig outputIn(Path dir) {
        return output(dir.resolve("records.jsonl"), dir.resolve("summary.json"));
    }

    /** The config as the loader reads it; relative paths in it resolve against {@code baseDir}. */
    public CrawlConfig load(Path baseDir) {
        return CrawlConfigLoader.parse(json.encode(), "test", baseDir);
    }

    /** Writes the config as a {@code crawl.json} file, for {@code --config}. */
    public Path writeTo(Path file) {
        try {
            return Files.writeString(file, json.encodePrettily());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonObject section(String name) {
        JsonObject s = json.getJsonObject(name);
        if (s == null) {
            s = new JsonObject();
            json.put(name, s);
        }
        return s;
    }

    /** Appends {@code item} to the array {@code fetch.<key>}. */
    private TestConfig add(String key, JsonObject item) {
        JsonObject fetch = section("fetch");
        JsonArray items = fetch.getJsonArray(key, new JsonArray());
        fetch.put(key, items.add(item));
        return this;
    }

    /** Sets {@code key} at the top level ({@code section} null) or in that section, which it creates if missing. */
    private TestConfig put(String section, String key, Object value) {
        JsonObject target = json;
        if (section != null) {
            target = json.getJsonObject(section);
            if (target == null) {
                target = new JsonObject();
                json.put(section, target);
            }
        }
        target.put(key, value);
        return this;
    }
}
