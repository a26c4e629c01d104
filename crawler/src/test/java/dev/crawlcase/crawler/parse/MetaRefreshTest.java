package dev.crawlcase.crawler.parse;

import dev.crawlcase.crawler.url.UrlNormalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a {@code <meta http-equiv=refresh>} sends the reader, as the frontier will follow it. */
class MetaRefreshTest {
    static final String PAGE = "http://127.0.0.1:8080/dir/page.html";
    final UrlNormalizer urls = UrlNormalizer.defaults();

    String refreshOf(String content) {
        String html = "<html><head><meta http-equiv=\"Refresh\" content=\"" + content + "\"></head><body></body></html>";
        return new PageParser().parse(html.getBytes(StandardCharsets.UTF_8), "UTF-8", PAGE, false,
                urls::normalizeLink).refresh();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
        "0; url=next.html                    | http://127.0.0.1:8080/dir/next.html",
        "0;URL='/top.html'                   | http://127.0.0.1:8080/top.html",
        "5, url=http://127.0.0.1:9090/x      | http://127.0.0.1:9090/x",
        "0 /plain                            | http://127.0.0.1:8080/plain",
        "1.5; URL = 'q?a=1'                  | http://127.0.0.1:8080/dir/q?a=1",
        "30                                  | NONE",
        "0; url=page.html                    | NONE",
        "soon; url=/x                        | NONE",
        "0; url=javascript:alert(1)          | NONE",
    })
    void theTargetIsNormalisedAndAReloadOrNoUrlIsNone(String content, String expected) {
        assertThat(refreshOf(content)).isEqualTo(expected);
    }
}
