package dev.crawlcase.crawler.output;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static dev.crawlcase.crawler.output.Summaries.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;

/** summary.json marks a crawl a stop request ended early, after the keys it always had. */
class RunSummaryStoppedTest {
    @Test
    void aStoppedSummarySaysSoAndReadsBack() {
        JsonObject json = ASYNC.withStopped(true).toJson();
        assertThat(json.fieldNames()).endsWith("bytes", "stopped")
                .contains("mode", "pages", "records", "outcomes", "reasons", "peakInFlight");
        assertThat(json.getBoolean("stopped")).isTrue();
        assertThat(RunSummary.fromJson(json).stopped()).isTrue();
    }

    @Test
    void aFinishedSummaryHasNoMarkAndReadsAsNotStopped() {
        JsonObject json = ASYNC.toJson();
        assertThat(json.containsKey("stopped")).isFalse();
        assertThat(RunSummary.fromJson(json).stopped()).isFalse();
        assertThat(ASYNC.stopped()).isFalse();
    }
}
