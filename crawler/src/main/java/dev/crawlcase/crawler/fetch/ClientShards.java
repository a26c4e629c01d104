package dev.crawlcase.crawler.fetch;

import io.vertx.core.Future;
import io.vertx.core.http.HttpClientAgent;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.function.IntFunction;

/**
 * Several HTTP clients, each with a pool of at most {@link #SHARD_SIZE} connections per host, used as one: each
 * request goes to the client with the fewest requests in flight. Why: Vert.x's HTTP/1 pool picks a connection by
 * scanning every connection it holds on every acquire, so at 10,000 connections to one host that scan took a large
 * share of the event loop's samples (JFR, C10K benchmark; figures in the README's Benchmarks section). With shards
 * of 256 a scan is 40 times shorter, and since the least-loaded shard is always chosen, no shard ever has more than
 * {@code ceil(total / shards)} requests in flight: no request waits for a connection while another shard has room.
 */
final class ClientShards {
    static final int SHARD_SIZE = 256;

    private final List<HttpClientAgent> clients = new ArrayList<>();
    private final AtomicIntegerArray inFlight;

    /** {@code maxConnections} split over shards; {@code client} builds a client with the given pool size. */
    ClientShards(int maxConnections, IntFunction<HttpClientAgent> client) {
        this(maxConnections, 1, client);
    }

    /**
     * Like {@link #ClientShards(int, IntFunction)}, with at least {@code minShards} shards (one per event loop, say)
     * as long as each still gets a connection.
     */
    ClientShards(int maxConnections, int minShards, IntFunction<HttpClientAgent> client) {
        int shards = Math.max((maxConnections + SHARD_SIZE - 1) / SHARD_SIZE, Math.min(minShards, maxConnections));
        int perShard = (maxConnections + shards - 1) / shards;
        for (int i = 0; i < shards; i++) {
            clients.add(client.apply(perShard));
        }
        inFlight = new AtomicIntegerArray(shards);
    }

    int size() {
        return clients.size();
    }

    /** The least-loaded shard, counted as having one more request in flight until {@link #release}. */
    int acquire() {
        int best = 0;
        for (int i = 1; i < clients.size(); i++) {
            if (inFlight.get(i) < inFlight.get(best)) {
                best = i;
            }
        }
        inFlight.incrementAndGet(best);
        return best;
    }

    HttpClientAgent client(int shard) {
        return clients.get(shard);
    }

    void release(int shard) {
        inFlight.decrementAndGet(shard);
    }

    int inFlight(int shard) {
        return inFlight.get(shard);
    }

    Future<Void> close() {
        return Future.join(clients.stream().map(HttpClientAgent::close).toList()).mapEmpty();
    }
}
