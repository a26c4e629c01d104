package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * What the parse step found in one HTML page.
 *
 * @param title    the document title, or "" when there is none
 * @param links    normalised absolute http(s) URLs from a[href] and area[href], first occurrence order, no repeats
 * @param rawLinks how many a[href] / area[href] elements the page had (before dropping and dedup)
 * @param details  what a full record adds ({@link RecordDetail#FULL}), or null
 */
public record ParsedPage(String title, List<String> links, int rawLinks, PageDetails details) {
    public static final ParsedPage EMPTY = new ParsedPage("", List.of(), 0);

    /** A page without details (basic records). */
    public ParsedPage(String title, List<String> links, int rawLinks) {
        this(title, links, rawLinks, null);
    }

    public ParsedPage withDetails(PageDetails d) {
        return new ParsedPage(title, links, rawLinks, d);
    }
}
