package dev.crawlcase.crawler.run;

import dev.crawlcase.crawler.output.CrawlRecordJson;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.RecordSink;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * Carries one part's records to the part that writes the crawl's one records file ({@link RecordIntake}): in
 * batches (up to {@value #BATCH} records, or what gathered within {@value #LINGER_MS} ms), one batch in flight at a
 * time and sent again, under the same number, until the intake acknowledges it, so the intake writes each batch
 * once and in order. The last batch says the part is done. Called on the part's frontier context only.
 */
final class RecordRelay implements RecordSink {
    private static final int BATCH = 500;
    /** Records are not urgent (the file is written in any order); only the last batch waits for nobody. */
    private static final long LINGER_MS = 1_000;
    private static final long TIMEOUT_MS = 5_000;

    private final Vertx vertx;
    private final CrawlAddresses crawl;
    private final int part;
    private final List<CrawlRecord> waiting = new ArrayList<>();
    private final Promise<Void> delivered = Promise.promise();
    private JsonObject inFlight;
    private long seq;
    private long timer = -1;
    private boolean done;
    private long sent;

    RecordRelay(Vertx vertx, CrawlAddresses crawl, int part) {
        this.vertx = vertx;
        this.crawl = crawl;
        this.part = part;
    }

    @Override
    public void accept(CrawlRecord record) {
        if (done) {
            throw new IllegalStateException("part " + part + " is done, record after the end: " + record.url());
        }
        waiting.add(record);
        if (waiting.size() >= BATCH) {
            sendNext();
        } else if (timer < 0 && inFlight == null) {
            timer = vertx.setTimer(LINGER_MS, id -> {
                timer = -1;
                sendNext();
            });
        }
    }

    /** The part wrote its last record: sends what is left and the end mark; completes when the intake has all. */
    Future<Void> finish() {
        done = true;
        sendNext();
        return delivered.future();
    }

    long sent() {
        return sent;
    }

    private void sendNext() {
        if (inFlight != null || (waiting.isEmpty() && !done) || delivered.future().isComplete()) {
            return;
        }
        JsonArray lines = new JsonArray();
        int n = Math.min(BATCH, waiting.size());
        for (CrawlRecord r : waiting.subList(0, n)) {
            lines.add(CrawlRecordJson.toLine(r));
        }
        waiting.subList(0, n).clear();
        sent += n;
        boolean last = done && waiting.isEmpty();
        inFlight = new JsonObject().put("part", part).put("seq", ++seq).put("records", lines).put("last", last);
        send();
    }

    private void send() {
        vertx.eventBus().<Boolean>request(crawl.records(), inFlight, new DeliveryOptions().setSendTimeout(TIMEOUT_MS))
                .onComplete(ar -> {
                    if (ar.failed()) {
                        vertx.setTimer(100, id -> send()); // no intake yet, or a lost reply: the same batch again
                        return;
                    }
                    boolean last = inFlight.getBoolean("last");
                    inFlight = null;
                    if (last) {
                        delivered.tryComplete();
                    } else {
                        sendNext();
                    }
                });
    }
}
