package dev.crawlcase.crawler.run;

import java.util.Map;
import java.util.Optional;

/**
 * How the parts of a sharded crawl spread over the nodes running it now: each node holds at most its fair share,
 * {@code ceil(parts / nodes)}. A free part goes to a node under its share that holds no more than any other (so a
 * node that just gave a part away does not take it straight back from the node it gave it to); when no part is
 * free and a node holds fewer than {@code floor(parts / nodes)}, one node gives one part: the one that holds the
 * most, the smallest id among equals, so that the nodes agree on it from the same holdings and parts move one at a
 * time.
 */
public final class FairShare {
    private FairShare() {
    }

    /** The most parts a node holds: {@code ceil(parts / nodes)}; all of them for no node at all. */
    public static int share(int parts, int nodes) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be >= 1, got " + parts);
        }
        int n = Math.max(1, nodes);
        return (parts + n - 1) / n;
    }

    /**
     * Whether node {@code me} may take a free part now.
     *
     * @param holdings how many parts each node of the crawl holds now ({@code me} among them)
     */
    public static boolean mayTake(String me, Map<String, Integer> holdings, int parts) {
        int mine = holdings.getOrDefault(me, 0);
        int fewest = holdings.values().stream().mapToInt(Integer::intValue).min().orElse(mine);
        return mine < share(parts, holdingNodes(me, holdings)) && mine <= fewest;
    }

    /**
     * The node that gives one part away now, if any: none while a part is free (a node under its share takes it
     * first), or while no node holds fewer than {@code floor(parts / nodes)}.
     */
    public static Optional<String> giver(Map<String, Integer> holdings, int parts) {
        int held = holdings.values().stream().mapToInt(Integer::intValue).sum();
        if (holdings.isEmpty() || held < parts) {
            return Optional.empty();
        }
        int floor = parts / holdings.size();
        if (holdings.values().stream().noneMatch(h -> h < floor)) {
            return Optional.empty();
        }
        return holdings.entrySet().stream()
                .filter(e -> e.getValue() > floor)
                .min((a, b) -> a.getValue().equals(b.getValue()) ? a.getKey().compareTo(b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .map(Map.Entry::getKey);
    }

    private static int holdingNodes(String me, Map<String, Integer> holdings) {
        return holdings.containsKey(me) ? holdings.size() : holdings.size() + 1;
    }
}
