package dev.crawlcase.sites.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReferenceNormalizerTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", textBlock = """
        HTTP://127.0.0.1:8081/s1/p3.html               | false | http://127.0.0.1:8081/s1/p3.html
        http://EXAMPLE.com:80/a#frag                   | false | http://example.com/a
        https://example.com:443                        | false | https://example.com/
        http://h:1/a/b/../c/./d.html                   | false | http://h:1/a/c/d.html
        http://h:1/s1/%70%2F3.html                     | false | http://h:1/s1/p%2F3.html
        http://h:1/list?sort=asc&page=2                | false | http://h:1/list?sort=asc&page=2
        http://h:1/list?sort=asc&page=2                | true  | http://h:1/list?page=2&sort=asc
        http://h:1/list?b=2&a=1&a=0&b=1                | true  | http://h:1/list?a=0&a=1&b=1&b=2
        http://h:1/list?                               | false | http://h:1/list
        mailto:a@b.c                                   | false | NULL
        javascript:void(0)                             | false | NULL
        data:text/html,hi                              | false | NULL
        """)
    void normalises(String url, boolean sortQuery, String expected) {
        assertThat(ReferenceNormalizer.normalize(url, sortQuery)).isEqualTo(expected);
    }
}
