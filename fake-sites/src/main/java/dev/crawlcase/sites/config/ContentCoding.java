package dev.crawlcase.sites.config;

import dev.crawlcase.json.ConfigException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a world's sites encode their bodies (sites.json {@code contentEncoding}), when the request's Accept-Encoding
 * names the coding; {@code identity} sends bodies as they are.
 */
public enum ContentCoding {
    IDENTITY, GZIP, DEFLATE, BR, ZSTD;

    /** The token of the Content-Encoding and Accept-Encoding headers. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ContentCoding parse(String key, String token) {
        for (ContentCoding coding : values()) {
            if (coding.token().equals(token)) {
                return coding;
            }
        }
        throw new ConfigException(key, "must be one of " + Arrays.stream(values()).map(ContentCoding::token)
                .collect(Collectors.joining(", ")) + ", got \"" + token + "\"");
    }
}
