package dev.crawlcase.crawler.output;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunSummaryTest {

    @Test
    void roundTripsThroughTheSummaryFileText() {
        RunSummary s = Summaries.ASYNC;
        assertThat(RunSummary.fromJson(new JsonObject(s.toJson().encodePrettily()))).isEqualTo(s);
    }

    @Test
    void outcomesAreWrittenInLabelOrder() {
        JsonObject json = new JsonObject().put("fetched", 3L).put("skipped", 2L).put("failed", 1L);
        RunSummary s = RunSummary.fromJson(Summaries.ASYNC.toJson().put("outcomes", json));
        assertThat(List.copyOf(s.toJson().getJsonObject("outcomes").fieldNames()))
                .containsExactly("failed", "fetched", "skipped");
    }

    @Test
    void anUnknownOutcomeIsRefused() {
        JsonObject json = Summaries.ASYNC.toJson().put("outcomes", new JsonObject().put("teleported", 1L));
        assertThatThrownBy(() -> RunSummary.fromJson(json)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown outcome 'teleported'");
    }
}
