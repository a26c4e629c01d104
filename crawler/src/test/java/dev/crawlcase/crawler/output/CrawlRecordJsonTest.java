package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.CrawlRecord;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CrawlRecordJsonTest {

    static final CrawlRecord FULL = new CrawlRecord("http://127.0.0.1/a", "http://127.0.0.1/b", 301, 2, 1234,
            "text/html", "T\u00eftle \"quoted\"\n", 7, 42, 3, CrawlRecord.REDIRECTED, "why", true, "async");

    @Test
    void roundTripsEveryField() {
        assertThat(CrawlRecordJson.fromLine(CrawlRecordJson.toLine(FULL))).isEqualTo(FULL);
    }

    @Test
    void keysFollowTheRecordComponentOrder() {
        List<String> components = Arrays.stream(CrawlRecord.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toList());
        assertThat(List.copyOf(CrawlRecordJson.toJson(FULL).fieldNames())).isEqualTo(components);
    }

    @Test
    void nullFieldsAreOmittedAndReadBackAsNull() {
        CrawlRecord skipped = CrawlRecord.skipped("http://127.0.0.1/x", 1, "robots", "virtual");
        JsonObject json = CrawlRecordJson.toJson(skipped);
        assertThat(json.fieldNames()).doesNotContain("finalUrl", "status", "contentType", "title");
        assertThat(CrawlRecordJson.toLine(skipped)).doesNotContain("null").doesNotContain("\n");
        assertThat(CrawlRecordJson.fromJson(json)).isEqualTo(skipped);
    }
}
