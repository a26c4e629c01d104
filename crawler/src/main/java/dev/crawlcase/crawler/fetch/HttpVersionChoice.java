package dev.crawlcase.crawler.fetch;

import dev.crawlcase.json.ConfigException;

/**
 * Which HTTP version both clients speak ({@code fetch.httpVersion}): {@code 1.1}; {@code 2} (h2 by ALPN over TLS,
 * h2c with prior knowledge in the Vert.x client; the JDK client can only reach h2c by an Upgrade from HTTP/1.1);
 * {@code auto} (offer h2 and HTTP/1.1 by ALPN, try an h2c upgrade, keep what the server takes).
 */
public enum HttpVersionChoice {
    HTTP_1_1("1.1"), HTTP_2("2"), AUTO("auto");

    public static final HttpVersionChoice DEFAULT = HTTP_1_1;

    private final String label;

    HttpVersionChoice(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HttpVersionChoice parse(String key, String value) {
        for (HttpVersionChoice choice : values()) {
            if (choice.label.equals(value)) {
                return choice;
            }
        }
        throw new ConfigException(key, "must be one of 1.1, 2, auto, got \"" + value + "\"");
    }
}
