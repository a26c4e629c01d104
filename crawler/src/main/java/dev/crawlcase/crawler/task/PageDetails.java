package dev.crawlcase.crawler.task;

import java.util.List;

/**
 * What a full record adds about one fetched HTML page ({@link RecordDetail#FULL}).
 *
 * @param outlinks  the page's links, normalised, in first-occurrence order: what the crawl offers the frontier
 * @param dropped   every link left out of {@code outlinks}, with why
 * @param headers   the response's header lines (names lower case, sorted by name)
 * @param sha256    SHA-256 of the decoded body, lower-case hex
 * @param canonical the normalised {@code <link rel=canonical>} URL, or null
 * @param text      the page's text ({@link RecordDetail#TEXT}), else null
 */
public record PageDetails(List<String> outlinks, List<DroppedLink> dropped, List<ResponseCapture.Header> headers,
                          String sha256, String canonical, String text) {

    public PageDetails {
        outlinks = List.copyOf(outlinks);
        dropped = List.copyOf(dropped);
        headers = List.copyOf(headers);
    }

    /** A link of the page that is not followed, and why. */
    public record DroppedLink(String href, DropReason reason) {
    }

    /** Why a link was left out. */
    public enum DropReason {
        /** not http(s): mailto:, javascript:, tel:, data:, ... */
        SCHEME,
        /** no URL could be made of it */
        INVALID,
        /** {@code rel=nofollow} while nofollow is respected, or the page's own nofollow directive */
        NOFOLLOW,
        /** the same URL appeared earlier on the page */
        DUPLICATE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static DropReason parse(String label) {
            return valueOf(label.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
