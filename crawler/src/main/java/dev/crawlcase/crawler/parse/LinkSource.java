package dev.crawlcase.crawler.parse;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An element kind a page's links are taken from (config {@code links.sources}). {@code a}: {@code <a href>} and
 * {@code <area href>}, what browsers follow on a click; {@code link}: every {@code <link href>}, whatever its rel
 * (alternate, next, prev, canonical, stylesheet, icon ...), as Nutch and Heritrix take them; {@code frame}:
 * {@code <iframe src>} and {@code <frame src>}, the documents a page shows inside itself.
 */
public enum LinkSource {
    A("a", "a[href], area[href]"),
    LINK("link", "link[href]"),
    FRAME("frame", "iframe[src], frame[src]");

    private final String label;
    private final String selector;

    LinkSource(String label, String selector) {
        this.label = label;
        this.selector = selector;
    }

    public String label() {
        return label;
    }

    /** The jsoup selector of its elements. */
    String selector() {
        return selector;
    }

    /** The attribute an element of this kind names its target in. */
    static String attribute(org.jsoup.nodes.Element element) {
        return element.normalName().endsWith("frame") ? "src" : "href";
    }

    /** The source with this label; an unknown one is an {@link IllegalArgumentException} naming the known ones. */
    public static LinkSource parse(String label) {
        for (LinkSource s : values()) {
            if (s.label.equals(label.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("must be one of " + labels() + ", got \"" + label + "\"");
    }

    static String labels() {
        return Arrays.stream(values()).map(LinkSource::label).collect(Collectors.joining(", "));
    }
}
