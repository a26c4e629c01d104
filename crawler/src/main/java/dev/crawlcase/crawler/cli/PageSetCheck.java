package dev.crawlcase.crawler.cli;

import dev.crawlcase.crawler.compare.RunResult;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Did every run find the same pages, and the ground truth? Says so loudly when not. */
final class PageSetCheck {
    private PageSetCheck() {
    }

    static List<String> notes(List<RunResult> results) {
        List<String> notes = new ArrayList<>();
        if (results.isEmpty()) {
            return notes;
        }
        RunResult first = results.get(0);
        boolean allSame = true;
        for (RunResult r : results) {
            if (!r.matchesTruth()) {
                allSame = false;
                notes.add(String.format(Locale.ROOT, "MISMATCH: %s at %d found %d pages, the ground truth has %d (%s)",
                        r.mode().label(), r.concurrency(), r.pages().size(), r.truth().size(), diff(r.pages().keySet(), r.truth().keySet())));
            } else if (!r.pages().equals(first.pages())) {
                allSame = false;
                notes.add(String.format(Locale.ROOT, "MISMATCH: %s at %d found other pages than %s (%s)",
                        r.mode().label(), r.concurrency(), first.mode().label(), diff(r.pages().keySet(), first.pages().keySet())));
            }
        }
        if (allSame) {
            notes.add("every run found the same " + first.pages().size() + " pages at the same depths"
                    + (first.truth() != null ? ", exactly the ground truth" : ""));
        }
        return notes;
    }

    private static String diff(Set<String> found, Set<String> expected) {
        Set<String> missing = new HashSet<>(expected);
        missing.removeAll(found);
        Set<String> extra = new HashSet<>(found);
        extra.removeAll(expected);
        return missing.size() + " missing, e.g. " + missing.stream().limit(3).toList() + "; " + extra.size()
                + " extra, e.g. " + extra.stream().limit(3).toList();
    }
}
