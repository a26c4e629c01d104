package dev.crawlcase.crawler.bus;

import dev.crawlcase.crawler.shard.HandOff;
import dev.crawlcase.crawler.shard.OfferAck;
import dev.crawlcase.crawler.shard.OfferBatch;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of the messages between the parts of a sharded crawl. Batches carry up to a few hundred URLs, so
 * one message per batch costs little next to the URLs themselves; a URL travels as [url, depth, redirects].
 */
final class ShardWire {
    private ShardWire() {
    }

    static JsonObject batch(OfferBatch b) {
        JsonArray offers = new JsonArray();
        for (HandOff o : b.offers()) {
            offers.add(new JsonArray().add(o.url()).add(o.depth()).add(o.redirects()));
        }
        return new JsonObject().put("from", b.from()).put("to", b.to()).put("seq", b.seq()).put("offers", offers);
    }

    static OfferBatch batch(JsonObject json) {
        JsonArray offers = json.getJsonArray("offers");
        List<HandOff> out = new ArrayList<>(offers.size());
        for (int i = 0; i < offers.size(); i++) {
            JsonArray o = offers.getJsonArray(i);
            out.add(new HandOff(o.getString(0), o.getInteger(1), o.getInteger(2)));
        }
        return new OfferBatch(json.getInteger("from"), json.getInteger("to"), json.getLong("seq"), out);
    }

    static JsonObject ack(OfferAck a) {
        return new JsonObject().put("from", a.from()).put("to", a.to()).put("seq", a.seq());
    }

    static OfferAck ack(JsonObject json) {
        return new OfferAck(json.getInteger("from"), json.getInteger("to"), json.getLong("seq"));
    }
}
