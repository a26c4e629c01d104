package dev.crawlcase.crawler.url;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class UrlNormalizerTest {
    private static final String BASE = "http://a.test/b/c/d;p?q#f";
    private final UrlNormalizer normalizer = UrlNormalizer.defaults();

    /** base, href, expected (null: dropped). */
    static Stream<Arguments> cases() {
        return Stream.of(
                // RFC 3986 5.4.1 normal examples
                arguments(BASE, "g", "http://a.test/b/c/g"),
                arguments(BASE, "./g", "http://a.test/b/c/g"),
                arguments(BASE, "g/", "http://a.test/b/c/g/"),
                arguments(BASE, "/g", "http://a.test/g"),
                arguments(BASE, "//g", "http://g/"),
                arguments(BASE, "?y", "http://a.test/b/c/d;p?y"),
                arguments(BASE, "g?y", "http://a.test/b/c/g?y"),
                arguments(BASE, "#s", "http://a.test/b/c/d;p?q"),
                arguments(BASE, "g#s", "http://a.test/b/c/g"),
                arguments(BASE, ";x", "http://a.test/b/c/;x"),
                arguments(BASE, "", "http://a.test/b/c/d;p?q"),
                arguments(BASE, ".", "http://a.test/b/c/"),
                arguments(BASE, "..", "http://a.test/b/"),
                arguments(BASE, "../g", "http://a.test/b/g"),
                arguments(BASE, "../..", "http://a.test/"),
                arguments(BASE, "../../g", "http://a.test/g"),
                // RFC 3986 5.4.2 abnormal examples
                arguments(BASE, "../../../g", "http://a.test/g"),
                arguments(BASE, "/./g", "http://a.test/g"),
                arguments(BASE, "/../g", "http://a.test/g"),
                arguments(BASE, "g.", "http://a.test/b/c/g."),
                arguments(BASE, "..g", "http://a.test/b/c/..g"),
                arguments(BASE, "./../g", "http://a.test/b/g"),
                arguments(BASE, "g/./h", "http://a.test/b/c/g/h"),
                arguments(BASE, "g/../h", "http://a.test/b/c/h"),
                arguments(BASE, "g?y/./x", "http://a.test/b/c/g?y/./x"),
                // scheme, host, port
                arguments(null, "HTTP://Example.TEST/A", "http://example.test/A"),
                arguments(null, "http://example.test:80/", "http://example.test/"),
                arguments(null, "https://example.test:443/x", "https://example.test/x"),
                arguments(null, "https://example.test:80/x", "https://example.test:80/x"),
                arguments(null, "http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
                arguments(null, "http://example.test:/x", "http://example.test/x"),
                arguments(null, "http://example.test:0080/x", "http://example.test/x"),
                arguments(null, "http://[::1]:8080/x", "http://[::1]:8080/x"),
                arguments(null, "http://[ABCD::1]/", "http://[abcd::1]/"),
                arguments(null, "http://bücher.test/", "http://xn--bcher-kva.test/"),
                arguments("https://s.test/a/b", "//other.test/x", "https://other.test/x"),
                arguments(null, "  http://a.test/x\n y \t", "http://a.test/x%20y"),
                arguments(null, "http://user:pw@a.test/", "http://a.test/"),
                arguments(null, "http://us%40er:p@ss@a.test:80/x", "http://a.test/x"),
                // percent-encoding
                arguments(null, "http://a.test/%7euser/%41%2d", "http://a.test/~user/A-"),
                arguments(null, "http://a.test/a%2fb%3f", "http://a.test/a%2Fb%3F"),
                arguments(null, "http://a.test/a b|c", "http://a.test/a%20b%7Cc"),
                arguments(null, "http://a.test/ä?q=é", "http://a.test/%C3%A4?q=%C3%A9"),
                arguments(null, "http://a.test/100%", "http://a.test/100%25"),
                arguments(null, "http://a.test/%zz", "http://a.test/%25zz"),
                arguments(null, "http://a.test/%2E%2E/x", "http://a.test/x"),
                arguments(null, "http://a.test/a/b/../%2e/c", "http://a.test/a/c"),
                arguments(null, "http://a.test/😀", "http://a.test/%F0%9F%98%80"),
                arguments(null, "http://a.test/?a=1&b=%2b+", "http://a.test/?a=1&b=%2B+"),
                arguments(null, "http://a.test/x?", "http://a.test/x"),
                arguments(null, "http://a.test/x?b=2&a=1", "http://a.test/x?b=2&a=1"),
                // dropped
                arguments(BASE, "mailto:a@b.test", null),
                arguments(BASE, "javascript:void(0)", null),
                arguments(BASE, "tel:+123", null),
                arguments(BASE, "data:text/html,hi", null),
                arguments(BASE, "ftp://a.test/x", null),
                arguments(BASE, "MAILTO:x@y.test", null),
                arguments(null, "http://", null),
                arguments(null, "http:///x", null),
                arguments(null, "http://[bad", null),
                arguments(null, "http://[zz::1]/", null),
                arguments(null, "http://a.test:99999/", null),
                arguments(null, "http://a.test:8x/", null),
                arguments(null, "http://a b.test/", null),
                arguments(null, "http:foo", null),
                arguments(null, "/relative/without/base", null),
                arguments("mailto:x@y.test", "g", null),
                arguments(null, "http://a.test/" + "x".repeat(9000), null),
                arguments(null, "", null),
                arguments(null, "1http://a.test/", null));
    }

    @ParameterizedTest(name = "[{index}] {0} + {1} -> {2}")
    @MethodSource("cases")
    void normalizesOrDrops(String base, String href, String expected) {
        assertThat(normalizer.normalize(base, href)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "[{index}] idempotent: {1}")
    @MethodSource("cases")
    void isIdempotent(String base, String href, String expected) {
        if (expected != null) {
            assertThat(normalizer.normalize(expected)).isEqualTo(expected);
        }
    }

    @Test
    void sortsQueryParametersByNameThenValueKeepingRepeats() {
        UrlNormalizer sorting = new UrlNormalizer(true);
        assertThat(sorting.normalize("http://a.test/?b=2&a=9&a=1&c&a=1"))
                .isEqualTo("http://a.test/?a=1&a=1&a=9&b=2&c");
        assertThat(sorting.sortQuery()).isTrue();
    }

    @Test
    void nullAndHugeInputsNeverThrow() {
        assertThat(normalizer.normalize(null)).isNull();
        assertThat(normalizer.normalize(null, null)).isNull();
        assertThat(normalizer.normalize("x".repeat(10_000), "g")).isNull();
        assertThat(normalizer.normalize("http://a.test/\uD800x")).isEqualTo("http://a.test/%EF%BF%BDx");
    }

    @Test
    void aLinkOverTheLimitIsNormalisedForItsRecordButTooLongToFetch() {
        String path = "/" + "%7e".repeat(UrlNormalizer.MAX_LENGTH / 3) + "x";
        String link = normalizer.normalizeLink("http://a.test/b", "../A/" + path.substring(1) + "#frag");
        assertThat(link).isEqualTo("http://a.test/A/" + "~".repeat(UrlNormalizer.MAX_LENGTH / 3) + "x");
        assertThat(UrlNormalizer.tooLong(link)).isFalse();
        String over = normalizer.normalizeLink(null, "HTTP://A.test:80/" + "y".repeat(UrlNormalizer.MAX_LENGTH));
        assertThat(over).isEqualTo("http://a.test/" + "y".repeat(UrlNormalizer.MAX_LENGTH));
        assertThat(UrlNormalizer.tooLong(over)).isTrue();
        assertThat(normalizer.normalize(over)).isNull();
        assertThat(normalizer.normalizeLink(null, "mailto:" + "y".repeat(UrlNormalizer.MAX_LENGTH))).isNull();
    }
}
