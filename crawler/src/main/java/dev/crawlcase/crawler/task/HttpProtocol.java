package dev.crawlcase.crawler.task;

/**
 * The HTTP version that carried a response, as the client reported it. A page's record names it, so a crawl with
 * {@code fetch.httpVersion} {@code auto} shows which hosts ALPN (or an h2c upgrade) moved to HTTP/2.
 */
public enum HttpProtocol {
    HTTP_1_0("1.0"),
    HTTP_1_1("1.1"),
    HTTP_2("2");

    private final String label;

    HttpProtocol(String label) {
        this.label = label;
    }

    /** What records carry: "1.0", "1.1" or "2". */
    public String label() {
        return label;
    }

    /** The version with this label. */
    public static HttpProtocol parse(String label) {
        for (HttpProtocol p : values()) {
            if (p.label.equals(label)) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown HTTP version '" + label + "' (expected 1.0, 1.1 or 2)");
    }

    @Override
    public String toString() {
        return label;
    }
}
