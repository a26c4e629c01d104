/**
 * The crawl cut into shards: every host belongs to one shard ({@link ShardMap}: the seeds' hosts dealt evenly, any
 * other host by the hash of its key), each shard
 * is a {@link dev.crawlcase.crawler.frontier.Frontier} of its own hosts, URLs of other shards leave through an
 * {@link Outbox} in batches that are sent again until their owner acknowledges them, and a crawl-wide
 * board ({@link GateView}: one slot per shard: its smallest unfinished depth, whether it is finished) keeps depths exact
 * breadth-first depths and says when the whole crawl is done. Free of Vert.x and of any network: the cluster and a
 * deterministic simulation drive the same classes through their own transport.
 *
 * <p>Takes: hand-offs and acknowledgements from other shards, board views. Gives: batches to send, slots to publish.
 * May import: {@code url}, {@code task}, {@code frontier}.
 */
package dev.crawlcase.crawler.shard;
