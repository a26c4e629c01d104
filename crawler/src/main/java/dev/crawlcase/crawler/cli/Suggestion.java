package dev.crawlcase.crawler.cli;

import picocli.CommandLine;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * "did you mean" for a mistyped command or flag. Picocli's own suggestions match by shared prefix and letter pairs,
 * which miss swapped letters ("rnu" for "run"); names within two edits (a swap counts as one) are added to them.
 */
final class Suggestion {
    private static final int MAX_EDITS = 2;

    private Suggestion() {
    }

    /** "; did you mean X?" or "" when nothing is close. */
    static String of(UnmatchedArgumentException ex) {
        List<String> names = new ArrayList<>(ex.getSuggestions());
        CommandLine cmd = ex.getCommandLine();
        for (String typed : ex.getUnmatched()) {
            List<String> known = new ArrayList<>(cmd.getSubcommands().keySet());
            cmd.getCommandSpec().options().forEach(o -> known.addAll(List.of(o.names())));
            closest(typed, known).stream().filter(n -> !names.contains(n)).forEach(names::add);
        }
        return names.isEmpty() ? "" : "; did you mean " + String.join(" or ", names) + "?";
    }

    static List<String> closest(String typed, Collection<String> known) {
        return known.stream().filter(n -> distance(typed, n) <= MAX_EDITS && distance(typed, n) < n.length()).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
