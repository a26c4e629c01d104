package dev.crawlcase.sites.model;

import java.util.Random;

/** Deterministic titles and filler text. */
final class Words {
    private static final String[] WORDS = {
        "harbour", "lantern", "quiet", "river", "signal", "copper", "meadow", "engine", "paper", "silver",
        "orchard", "window", "thunder", "garden", "pocket", "marble", "winter", "ladder", "candle", "mirror",
        "station", "basket", "feather", "island", "kettle", "canyon", "violet", "anchor", "ribbon", "compass",
        "market", "falcon", "timber", "velvet", "saddle", "glacier", "bridge", "cinder", "harvest", "lattice",
        "the", "a", "of", "and", "in", "to", "with", "over", "under", "near"
    };

    private Words() {
    }

    static String title(Random random, int words) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < words; i++) {
            String w = WORDS[random.nextInt(40)];
            out.append(i == 0 ? "" : " ").append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
        }
        return out.toString();
    }

    /** Appends paragraphs of filler text until about {@code bytes} characters were written. */
    static void paragraphs(Random random, int bytes, StringBuilder out) {
        int target = out.length() + bytes;
        while (out.length() < target) {
            out.append("<p>");
            int sentenceWords = 40 + random.nextInt(40);
            for (int i = 0; i < sentenceWords; i++) {
                String w = WORDS[random.nextInt(WORDS.length)];
                out.append(i == 0 ? Character.toUpperCase(w.charAt(0)) + w.substring(1) : w);
                out.append(i == sentenceWords - 1 ? "." : " ");
            }
            out.append("</p>\n");
        }
    }
}
