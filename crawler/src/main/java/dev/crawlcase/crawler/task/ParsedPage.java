package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * What the parse step found in one HTML page.
 *
 * @param title    the document title, or "" when there is none
 * @param links    normalised absolute http(s) URLs from a[href] and area[href], first occurrence order, no repeats;
 *                 over-long ones included (the frontier records them as too long, never fetches them)
 * @param rawLinks how many a[href] / area[href] elements the page had (before dropping and dedup)
 */
public record ParsedPage(String title, List<String> links, int rawLinks) {
    public static final ParsedPage EMPTY = new ParsedPage("", List.of(), 0);
}
