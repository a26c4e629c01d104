package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.cluster.CrawlDefinition;
import dev.crawlcase.crawler.cluster.PartClaim;
import dev.crawlcase.crawler.config.CrawlConfig;
import dev.crawlcase.crawler.run.CrawlNodes;
import dev.crawlcase.crawler.run.FairShare;
import dev.crawlcase.crawler.run.PartLocks;
import dev.crawlcase.crawler.task.CrawlAddresses;
import dev.crawlcase.json.ConfigException;
import dev.crawlcase.json.Range;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Which parts a node of a sharded crawl ({@code cluster --role node}) runs from its start: how many parts the crawl
 * has ({@code --parts}, {@code --nodes}, or a resumed crawl's own), the free parts it claims up to its fair share,
 * and the lines that say so.
 */
final class NodeParts {
    /** How many parts the hosts of a sharded crawl may be cut into. */
    static final Range PARTS = new Range(1, 256);

    private NodeParts() {
    }

    /**
     * The crawl's part count: a resumed crawl's own (a {@code --parts} that differs is refused), else
     * {@code --parts} ({@code asked}, or null), at least {@code --nodes} ({@code expected}, 0 when not given) and at
     * most {@link #PARTS}'s bound; {@code --nodes} when not given.
     */
    static int count(Integer asked, CrawlDefinition.Agreed resumed, int expected, Path stateDir) {
        Integer p = asked == null ? null : (int) RunCommand.inRange("--parts", asked, PARTS);
        if (resumed != null) {
            if (p != null && p != resumed.parts()) {
                throw new ConfigException("--parts", "the crawl in " + stateDir + " has " + resumed.parts()
                        + " parts, not " + p + " (leave --parts out to resume it)");
            }
            if (expected > resumed.parts()) {
                throw new ConfigException("--nodes", "the crawl in " + stateDir + " has " + resumed.parts()
                        + " parts, fewer than " + expected + " nodes");
            }
            return resumed.parts();
        }
        if (p != null && p < expected) {
            throw new ConfigException("--parts", "must be >= --nodes (" + expected + "), got " + p);
        }
        return p == null ? expected : p;
    }

    /**
     * Counts this node among the crawl's nodes (before claiming, so nodes starting together share the parts), then
     * claims free parts up to its share of the nodes expected or running; none when every part runs and the crawl
     * keeps a state ({@code mayWait}), refused otherwise.
     *
     * @param expected --nodes, or 0 for a resume without it: then one part per node first, as many nodes may be
     *                 coming back
     */
    static Future<List<PartLocks.Held>> claim(Vertx vertx, CrawlAddresses crawl, CrawlNodes nodes, int parts,
                                              int expected, boolean mayWait) {
        return nodes.holding(0).compose(v -> nodes.holdings()).compose(live -> PartClaim.claim(vertx, crawl, parts,
                FairShare.share(parts, Math.max(expected == 0 ? parts : expected, live.size())), mayWait));
    }

    /** What the node claimed, before the seeds: "part 0, 2", or "no part yet". */
    static String held(List<PartLocks.Held> claims) {
        return claims.isEmpty() ? "no part yet"
                : "part " + claims.stream().map(c -> String.valueOf(c.part())).collect(Collectors.joining(", "));
    }

    /** A line per part claimed (naming the node {@code name}), or the line of a node that joined with none. */
    static void tell(PrintWriter out, List<PartLocks.Held> claims, int parts, String crawlId, CrawlConfig crawl,
                     String name) {
        for (PartLocks.Held claim : claims) {
            out.println("node: part " + claim.part() + " of " + parts + " of crawl '" + crawlId + "', "
                    + crawl.mode().label() + " at " + crawl.effectiveConcurrency() + " (" + name + ")"
                    + (claim.part() == 0 ? ", writing " + crawl.output().records() : ""));
        }
        if (claims.isEmpty()) {
            out.println("node: joined crawl '" + crawlId + "' (" + name + ") with every one of its " + parts
                    + " parts running: waiting for a node over its share to hand one over");
        }
        out.flush();
    }
}
