package dev.crawlcase.crawler.fetch;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ResponseHeadersTest {

    @Test
    void mediaTypeIsLowerCaseWithoutParameters() {
        assertThat(ResponseHeaders.mediaType(" Text/HTML ; charset=UTF-8")).isEqualTo("text/html");
        assertThat(ResponseHeaders.mediaType("application/xhtml+xml")).isEqualTo("application/xhtml+xml");
        assertThat(ResponseHeaders.mediaType(null)).isNull();
        assertThat(ResponseHeaders.mediaType(" ; charset=x")).isNull();
    }

    @Test
    void charsetIsTakenFromTheParameterUnquoted() {
        assertThat(ResponseHeaders.charset("text/html; charset=ISO-8859-1")).isEqualTo("ISO-8859-1");
        assertThat(ResponseHeaders.charset("text/html;foo=bar; CHARSET=\"utf-8\"")).isEqualTo("utf-8");
        assertThat(ResponseHeaders.charset("text/html")).isNull();
        assertThat(ResponseHeaders.charset("text/html; charset=")).isNull();
        assertThat(ResponseHeaders.charset(null)).isNull();
    }

    @Test
    void retryAfterDeltaSeconds() {
        assertThat(ResponseHeaders.retryAfterMs("120", 0)).isEqualTo(120_000);
        assertThat(ResponseHeaders.retryAfterMs(" 0 ", 0)).isZero();
        assertThat(ResponseHeaders.retryAfterMs("99999999999999999999", 0)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void retryAfterHttpDateIsRelativeToNow() {
        long now = Instant.parse("2015-10-21T07:28:00Z").toEpochMilli();
        assertThat(ResponseHeaders.retryAfterMs("Wed, 21 Oct 2015 07:30:00 GMT", now)).isEqualTo(120_000);
        assertThat(ResponseHeaders.retryAfterMs("Wed, 21 Oct 2015 07:00:00 GMT", now)).isZero();
    }

    @Test
    void retryAfterAbsentOrGarbageIsMinusOne() {
        assertThat(ResponseHeaders.retryAfterMs(null, 0)).isEqualTo(-1);
        assertThat(ResponseHeaders.retryAfterMs("soon", 0)).isEqualTo(-1);
        assertThat(ResponseHeaders.retryAfterMs("-5", 0)).isEqualTo(-1);
    }
}
