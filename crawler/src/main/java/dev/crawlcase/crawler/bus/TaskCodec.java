package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.task.ErrorKind;
import dev.crawlcase.crawler.task.FetchResult;
import dev.crawlcase.crawler.task.FetchOutcome;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.ParsedPage;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/** JSON form of tasks and outcomes on the event bus (local or clustered: the same messages either way). */
final class TaskCodec {
    private TaskCodec() {
    }

    static JsonObject task(FetchTask t) {
        return new JsonObject().put("lease", t.leaseId()).put("url", t.url()).put("depth", t.depth())
                .put("attempt", t.attempt()).put("redirects", t.redirects()).put("kind", t.kind().name());
    }

    static FetchTask task(JsonObject j) {
        return new FetchTask(j.getLong("lease"), j.getString("url"), j.getInteger("depth"), j.getInteger("attempt"),
                j.getInteger("redirects"), FetchTask.Kind.valueOf(j.getString("kind")));
    }

    static JsonArray tasks(List<FetchTask> tasks) {
        JsonArray a = new JsonArray();
        tasks.forEach(t -> a.add(task(t)));
        return a;
    }

    static List<FetchTask> tasks(JsonArray a) {
        List<FetchTask> tasks = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            tasks.add(task(a.getJsonObject(i)));
        }
        return tasks;
    }

    static JsonObject outcome(FetchOutcome o) {
        FetchResult r = o.result();
        JsonObject result = new JsonObject().put("status", r.status()).put("contentType", r.contentType())
                .put("charset", r.charset()).put("bytes", r.bytes()).put("truncated", r.truncated())
                .put("location", r.location()).put("retryAfterMs", r.retryAfterMs()).put("error", name(r.error()))
                .put("fetchMillis", r.fetchMillis());
        if (r.body().length > 0) {
            result.put("body", r.body());
        }
        ParsedPage p = o.page();
        JsonObject page = new JsonObject().put("title", p.title()).put("links", new JsonArray(new ArrayList<>(p.links())))
                .put("rawLinks", p.rawLinks());
        return new JsonObject().put("task", task(o.task())).put("result", result).put("page", page).put("mode", name(o.mode()));
    }

    static FetchOutcome outcome(JsonObject j) {
        JsonObject r = j.getJsonObject("result");
        byte[] body = r.containsKey("body") ? r.getBinary("body") : new byte[0];
        FetchResult result = new FetchResult(r.getInteger("status"), r.getString("contentType"), r.getString("charset"),
                body, r.getLong("bytes"), r.getBoolean("truncated"), r.getString("location"), r.getLong("retryAfterMs"),
                value(ErrorKind.class, r.getString("error")), r.getLong("fetchMillis"));
        JsonObject p = j.getJsonObject("page");
        List<String> links = new ArrayList<>(p.getJsonArray("links").size());
        p.getJsonArray("links").forEach(l -> links.add((String) l));
        ParsedPage page = new ParsedPage(p.getString("title"), List.copyOf(links), p.getInteger("rawLinks"));
        return new FetchOutcome(task(j.getJsonObject("task")), result, page, value(Mode.class, j.getString("mode")));
    }

    /** Enums travel by constant name, null as null: both ends run the same code, so names are the simplest form. */
    private static String name(Enum<?> constant) {
        return constant == null ? null : constant.name();
    }

    private static <E extends Enum<E>> E value(Class<E> type, String name) {
        return name == null ? null : Enum.valueOf(type, name);
    }
}
