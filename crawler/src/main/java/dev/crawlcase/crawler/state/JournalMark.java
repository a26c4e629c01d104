package dev.crawlcase.crawler.state;

/**
 * How far a store is in step with a copy of its journal kept elsewhere ({@link JournalCopy}): the copy's id (a
 * new one each time a copy is started from a whole store) and the number of the last of its batches the store
 * holds. Committed with each batch, so a store and its mark never disagree.
 */
public record JournalMark(String id, long batch) {
    public JournalMark {
        if (id == null || id.isBlank() || id.contains(" ") || batch < 0) {
            throw new IllegalArgumentException("journal mark " + id + " " + batch);
        }
    }

    String text() {
        return id + " " + batch;
    }

    static JournalMark parse(String text) {
        int space = text.indexOf(' ');
        return new JournalMark(text.substring(0, space), Long.parseLong(text.substring(space + 1)));
    }
}
