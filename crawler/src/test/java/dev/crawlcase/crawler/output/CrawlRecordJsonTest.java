package dev.crawlcase.crawler.output;

import dev.crawlcase.crawler.task.HttpProtocol;
import dev.crawlcase.crawler.task.Mode;
import dev.crawlcase.crawler.task.Outcome;
import dev.crawlcase.crawler.task.CrawlRecord;
import dev.crawlcase.crawler.task.FetchTask;
import dev.crawlcase.crawler.task.PageDetails;
import dev.crawlcase.crawler.task.ResponseCapture;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrawlRecordJsonTest {

    static final CrawlRecord FULL = new CrawlRecord("http://127.0.0.1/a", "http://127.0.0.1/b", 301, 2, 1234,
            "text/html", "T\u00eftle \"quoted\"\n", 7, 42, 3, Outcome.REDIRECTED, "why", true, Mode.ASYNC, "noindex",
            new PageDetails(List.of("http://127.0.0.1/c"), List.of(new PageDetails.DroppedLink("mailto:x",
                    PageDetails.DropReason.SCHEME)), List.of(new ResponseCapture.Header("x-a", "1")), "ab12",
                    "http://127.0.0.1/a", "T\u00eftle text"), HttpProtocol.HTTP_2, 512L, FetchTask.Kind.SITEMAP);

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
        CrawlRecord skipped = CrawlRecord.skipped("http://127.0.0.1/x", 1, "robots", Mode.VIRTUAL);
        JsonObject json = CrawlRecordJson.toJson(skipped);
        assertThat(json.fieldNames()).doesNotContain("finalUrl", "status", "contentType", "title");
        assertThat(CrawlRecordJson.toLine(skipped)).doesNotContain("null").doesNotContain("\n");
        assertThat(CrawlRecordJson.fromJson(json)).isEqualTo(skipped);
    }

    @Test
    void aLineWrittenBeforeTheTransferFieldsReadsThemAsUnknown() {
        JsonObject old = CrawlRecordJson.toJson(FULL);
        old.remove("httpVersion");
        old.remove("wireBytes");

        CrawlRecord read = CrawlRecordJson.fromJson(old);
        assertThat(read.httpVersion()).isNull();
        assertThat(read.wireBytes()).isNull();
        assertThat(read.bytes()).isEqualTo(FULL.bytes());
    }

    @Test
    void theHttpVersionIsWrittenAsItsLabelAndAnUnknownOneIsRefused() {
        assertThat(CrawlRecordJson.toJson(FULL).getString("httpVersion")).isEqualTo("2");
        assertThat(CrawlRecordJson.toJson(FULL).getLong("wireBytes")).isEqualTo(512L);
        String line = CrawlRecordJson.toLine(FULL).replace("\"httpVersion\":\"2\"", "\"httpVersion\":\"3\"");
        assertThatThrownBy(() -> CrawlRecordJson.fromLine(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown HTTP version '3'");
    }

    @Test
    void aPagesKindIsLeftOutAndASitemapsIsWrittenAsItsLabel() {
        CrawlRecord page = CrawlRecord.skipped("http://127.0.0.1/x", 1, "robots", Mode.VIRTUAL);
        assertThat(CrawlRecordJson.toJson(page).fieldNames()).doesNotContain("kind");
        assertThat(CrawlRecordJson.toJson(FULL).getString("kind")).isEqualTo("sitemap");
        assertThat(CrawlRecordJson.fromLine(CrawlRecordJson.toLine(page)).kind()).isEqualTo(FetchTask.Kind.PAGE);
    }

    @Test
    void anUnknownOutcomeIsRefusedNotCountedAsAnother() {
        String line = CrawlRecordJson.toLine(FULL).replace("\"redirected\"", "\"teleported\"");
        assertThatThrownBy(() -> CrawlRecordJson.fromLine(line)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown outcome 'teleported'");
    }

    @Test
    void outcomeAndModeAreWrittenAsTheirLabels() {
        JsonObject json = CrawlRecordJson.toJson(FULL);
        assertThat(json.getString("outcome")).isEqualTo("redirected");
        assertThat(json.getString("mode")).isEqualTo("async");
    }
}
