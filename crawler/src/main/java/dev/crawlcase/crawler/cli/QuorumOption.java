package dev.crawlcase.crawler.cli;

import dev.crawlcase.json.Range;
import picocli.CommandLine.Option;

/** {@code --quorum Q}: how many nodes a crawl's node must see to go on acting, once there were that many. */
final class QuorumOption {
    private static final Range QUORUM = new Range(1, 64);

    @Option(names = "--quorum", paramLabel = "Q",
            description = "Node role: once the cluster had Q members, a node that sees fewer stops (it may be cut off"
                    + " from the others, who go on with its parts). Default: a majority of --nodes N; 1 (never) on"
                    + " --resume.")
    Integer quorum;

    /** The quorum: the one given, else a majority of {@code nodes} for a new crawl, 1 for a resume. */
    int of(int nodes, boolean resume) {
        if (quorum != null) {
            return (int) RunCommand.inRange("--quorum", quorum, QUORUM);
        }
        return resume || nodes < 1 ? 1 : nodes / 2 + 1;
    }
}
