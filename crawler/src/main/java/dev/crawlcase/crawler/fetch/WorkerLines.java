package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.ResponseCapture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What crosses the pipe between the processes mode and a {@link FetchWorker}: one JSON object per line, typed on
 * both sides. The parent sends the limits once ({@link #limits(FetchLimits)}), the worker answers {@link #READY},
 * then each task line ({@link Job}) gets exactly one result line. A result crosses with its header lines (the parse step reads
 * them) and its phases but without the raw body of its capture (the processes mode keeps no WARC copy); the body
 * travels as base64.
 */
public final class WorkerLines {
    /** The worker's answer to the limits line: it has built its client and reads tasks now. */
    public static final String READY = "ready";

    private WorkerLines() {
    }

    public static String limits(FetchLimits limits) {
        return new JsonObject()
                .put("connectTimeoutMs", limits.connectTimeoutMs())
                .put("firstByteTimeoutMs", limits.firstByteTimeoutMs())
                .put("totalTimeoutMs", limits.totalTimeoutMs())
                .put("maxBodyBytes", limits.maxBodyBytes())
                .put("maxRobotsBytes", limits.maxRobotsBytes())
                .put("userAgent", limits.userAgent())
                .put("allowRemote", limits.allowRemote())
                .put("allowPrivateNetworks", limits.allowPrivateNetworks())
                .put("trustPem", limits.trust().extraPem())
                .put("httpVersion", limits.httpVersion().label())
                .put("request", controls(limits.request()))
                .encode();
    }

    public static FetchLimits limits(String line) {
        JsonObject json = new JsonObject(line);
        String pem = json.getString("trustPem");
        return new FetchLimits(json.getInteger("connectTimeoutMs"), json.getInteger("firstByteTimeoutMs"),
                json.getInteger("totalTimeoutMs"), json.getInteger("maxBodyBytes"), json.getInteger("maxRobotsBytes"),
                json.getString("userAgent"), json.getBoolean("allowRemote"), json.getBoolean("allowPrivateNetworks"),
                pem.isEmpty() ? TlsTrust.defaults() : TlsTrust.defaults().plusPem(pem),
                HttpVersionChoice.parse("httpVersion", json.getString("httpVersion")),
                controls(json.getJsonObject("request")));
    }

    /**
     * The request controls a worker applies itself. The cookie jar is not among them: the parent keeps the crawl's
     * one jar ({@link ProcessPoolFetcher}) and each task carries its Cookie header ({@link Job}), so a cookie one
     * worker was given reaches every worker's next request, as in the one-client modes.
     */
    private static JsonObject controls(RequestControls controls) {
        JsonArray headers = new JsonArray();
        controls.headers().forEach(h -> headers.add(new JsonArray().add(h.hosts().text()).add(h.name())
                .add(h.value())));
        JsonArray auth = new JsonArray();
        controls.auth().forEach(a -> auth.add(new JsonArray().add(a.hosts().text()).add(a.user()).add(a.password())));
        return new JsonObject()
                .put("headers", headers)
                .put("acceptLanguage", controls.acceptLanguage())
                .put("auth", auth)
                .put("proxyHost", controls.proxy() == null ? null : controls.proxy().host())
                .put("proxyPort", controls.proxy() == null ? null : controls.proxy().port());
    }

    private static RequestControls controls(JsonObject json) {
        List<RequestControls.HeaderRule> headers = new ArrayList<>();
        for (Object o : json.getJsonArray("headers")) {
            JsonArray h = (JsonArray) o;
            headers.add(new RequestControls.HeaderRule(HostPattern.parse("hosts", h.getString(0)), h.getString(1),
                    h.getString(2)));
        }
        List<RequestControls.BasicAuth> auth = new ArrayList<>();
        for (Object o : json.getJsonArray("auth")) {
            JsonArray a = (JsonArray) o;
            auth.add(new RequestControls.BasicAuth(HostPattern.parse("hosts", a.getString(0)), a.getString(1),
                    a.getString(2)));
        }
        String proxyHost = json.getString("proxyHost");
        return new RequestControls(headers, json.getString("acceptLanguage"), false, auth,
                proxyHost == null ? null : new RequestControls.Proxy(proxyHost, json.getInteger("proxyPort")));
    }

    /**
     * One task for a worker, with the Cookie header the parent's jar holds for its URL (null when none).
     */
    public record Job(FetchTask task, String cookie) {
    }

    public static String job(Job job) {
        FetchTask task = job.task();
        return new JsonObject()
                .put("leaseId", task.leaseId())
                .put("url", task.url())
                .put("depth", task.depth())
                .put("attempt", task.attempt())
                .put("redirects", task.redirects())
                .put("kind", task.kind().name())
                .put("cookie", job.cookie())
                .encode();
    }

    public static Job job(String line) {
        JsonObject json = new JsonObject(line);
        return new Job(new FetchTask(json.getLong("leaseId"), json.getString("url"), json.getInteger("depth"),
                json.getInteger("attempt"), json.getInteger("redirects"),
                FetchTask.Kind.valueOf(json.getString("kind"))), json.getString("cookie"));
    }

    public static String result(FetchResult result) {
        return new JsonObject()
                .put("status", result.status())
                .put("contentType", result.contentType())
                .put("charset", result.charset())
                .put("body", result.body())
                .put("bytes", result.bytes())
                .put("truncated", result.truncated())
                .put("location", result.location())
                .put("retryAfterMs", result.retryAfterMs())
                .put("error", result.error() == null ? null : result.error().name())
                .put("fetchMillis", result.fetchMillis())
                .put("httpVersion", result.httpVersion() == null ? null : result.httpVersion().label())
                .put("wireBytes", result.wireBytes())
                .put("headers", headers(result.capture()))
                .put("connectMs", result.phases().connectMs())
                .put("firstByteMs", result.phases().firstByteMs())
                .encode();
    }

    public static FetchResult result(String line) {
        JsonObject json = new JsonObject(line);
        String error = json.getString("error");
        String version = json.getString("httpVersion");
        List<ResponseCapture.Header> headers = new ArrayList<>();
        for (Object header : json.getJsonArray("headers")) {
            JsonArray pair = (JsonArray) header;
            headers.add(new ResponseCapture.Header(pair.getString(0), pair.getString(1)));
        }
        return new FetchResult(json.getInteger("status"), json.getString("contentType"), json.getString("charset"),
                json.getBinary("body"), json.getLong("bytes"), json.getBoolean("truncated"),
                json.getString("location"), json.getLong("retryAfterMs"),
                error == null ? null : ErrorKind.valueOf(error), json.getLong("fetchMillis"),
                version == null ? null : HttpProtocol.parse(version), json.getLong("wireBytes"),
                headers.isEmpty() ? ResponseCapture.NONE : new ResponseCapture(headers, new byte[0], false),
                new FetchPhases(json.getDouble("connectMs"), json.getDouble("firstByteMs")));
    }

    /** The header lines only: the parse step reads them (X-Robots-Tag, a page's details); the raw body stays. */
    private static JsonArray headers(ResponseCapture capture) {
        JsonArray lines = new JsonArray();
        capture.headers().forEach(h -> lines.add(new JsonArray().add(h.name()).add(h.value())));
        return lines;
    }
}
