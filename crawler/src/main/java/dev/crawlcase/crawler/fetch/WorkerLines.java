package dev.crawlcase.crawler.fetch;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchPhases;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.ResponseCapture;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * What crosses the pipe between the processes mode and a {@link FetchWorker}: one JSON object per line, typed on
 * both sides. The parent sends the limits once ({@link #limits(FetchLimits)}), the worker answers {@link #READY},
 * then each task line gets exactly one result line. A result crosses with its header lines (the parse step reads
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
                .encode();
    }

    public static FetchLimits limits(String line) {
        JsonObject json = new JsonObject(line);
        String pem = json.getString("trustPem");
        return new FetchLimits(json.getInteger("connectTimeoutMs"), json.getInteger("firstByteTimeoutMs"),
                json.getInteger("totalTimeoutMs"), json.getInteger("maxBodyBytes"), json.getInteger("maxRobotsBytes"),
                json.getString("userAgent"), json.getBoolean("allowRemote"), json.getBoolean("allowPrivateNetworks"),
                pem.isEmpty() ? TlsTrust.defaults() : TlsTrust.defaults().plusPem(pem),
                HttpVersionChoice.parse("httpVersion", json.getString("httpVersion")));
    }

    public static String task(FetchTask task) {
        return new JsonObject()
                .put("leaseId", task.leaseId())
                .put("url", task.url())
                .put("depth", task.depth())
                .put("attempt", task.attempt())
                .put("redirects", task.redirects())
                .put("kind", task.kind().name())
                .encode();
    }

    public static FetchTask task(String line) {
        JsonObject json = new JsonObject(line);
        return new FetchTask(json.getLong("leaseId"), json.getString("url"), json.getInteger("depth"),
                json.getInteger("attempt"), json.getInteger("redirects"),
                FetchTask.Kind.valueOf(json.getString("kind")));
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
                .put("headers", headers(result.capture()))
                .put("connectMs", result.phases().connectMs())
                .put("firstByteMs", result.phases().firstByteMs())
                .encode();
    }

    public static FetchResult result(String line) {
        JsonObject json = new JsonObject(line);
        String error = json.getString("error");
        List<ResponseCapture.Header> headers = new ArrayList<>();
        for (Object header : json.getJsonArray("headers")) {
            JsonArray pair = (JsonArray) header;
            headers.add(new ResponseCapture.Header(pair.getString(0), pair.getString(1)));
        }
        return new FetchResult(json.getInteger("status"), json.getString("contentType"), json.getString("charset"),
                json.getBinary("body"), json.getLong("bytes"), json.getBoolean("truncated"),
                json.getString("location"), json.getLong("retryAfterMs"),
                error == null ? null : ErrorKind.valueOf(error), json.getLong("fetchMillis"),
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
