package dev.crawlcase.crawler.dashboard;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.core.parsetools.RecordParser;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** The dashboard's server-sent events as a client reads them, one JSON snapshot per event. */
public final class EventStream {
    private final List<JsonObject> events = new ArrayList<>();
    private final Promise<List<JsonObject>> finished = Promise.promise();
    private final List<Waiter> waiters = new ArrayList<>();

    private record Waiter(Predicate<JsonObject> test, Promise<JsonObject> found) {
    }

    public static Future<EventStream> open(Vertx vertx, int port) {
        EventStream stream = new EventStream();
        return vertx.createHttpClient().request(HttpMethod.GET, port, "127.0.0.1", "/events")
                .compose(request -> request.send())
                .map(response -> {
                    response.handler(RecordParser.newDelimited("\n\n", stream::accept));
                    return stream;
                });
    }

    /** Every event up to the first that says the crawl finished. */
    public Future<List<JsonObject>> untilFinished() {
        return finished.future();
    }

    /** The first event, seen so far or to come, that passes {@code test}. */
    public synchronized Future<JsonObject> until(Predicate<JsonObject> test) {
        for (JsonObject event : events) {
            if (test.test(event)) {
                return Future.succeededFuture(event);
            }
        }
        Waiter waiter = new Waiter(test, Promise.promise());
        waiters.add(waiter);
        return waiter.found().future();
    }

    private synchronized void accept(Buffer frame) {
        String text = frame.toString();
        if (!text.startsWith("data: ")) {
            return;
        }
        JsonObject event = new JsonObject(text.substring("data: ".length()));
        events.add(event);
        waiters.removeIf(w -> w.test().test(event) && w.found().tryComplete(event));
        if ("finished".equals(event.getString("state"))) {
            finished.tryComplete(List.copyOf(events));
        }
    }
}
