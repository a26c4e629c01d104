package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.RecordSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Takes the record batches of every part of a sharded crawl ({@link RecordRelay}) into one sink: each batch once
 * (a batch sent again after a lost reply is acknowledged and dropped), in each part's order. Completes when every
 * part has sent its last batch.
 */
final class RecordIntake {
    private final RecordSink sink;
    private final int parts;
    private final Map<Integer, Long> lastSeq = new HashMap<>();
    private final Set<Integer> finished = new HashSet<>();
    private final Promise<Void> all = Promise.promise();
    private MessageConsumer<JsonObject> consumer;

    RecordIntake(RecordSink sink, int parts) {
        this.sink = sink;
        this.parts = parts;
    }

    Future<Void> start(Vertx vertx, CrawlAddresses crawl) {
        consumer = vertx.eventBus().consumer(crawl.records(), this::onBatch);
        return consumer.completion();
    }

    /** Completes when every part has delivered its last record. */
    Future<Void> allDelivered() {
        return all.future();
    }

    Future<Void> close() {
        return consumer == null ? Future.succeededFuture() : consumer.unregister();
    }

    private void onBatch(Message<JsonObject> message) {
        JsonObject batch = message.body();
        int part = batch.getInteger("part");
        long seq = batch.getLong("seq");
        if (seq == lastSeq.getOrDefault(part, 0L) + 1) {
            JsonArray lines = batch.getJsonArray("records");
            for (int i = 0; i < lines.size(); i++) {
                sink.accept(CrawlRecordJson.fromLine(lines.getString(i)));
            }
            lastSeq.put(part, seq);
            if (batch.getBoolean("last")) {
                finished.add(part);
                if (finished.size() == parts) {
                    all.tryComplete();
                }
            }
        }
        message.reply(true);
    }
}
