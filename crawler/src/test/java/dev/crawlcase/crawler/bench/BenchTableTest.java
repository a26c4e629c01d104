package dev.crawlcase.crawler.bench;

import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scenario's table as text and as Markdown, with its target and verdict. */
class BenchTableTest {
    static ScenarioResult result(String name, Boolean met) {
        return new ScenarioResult(name, "Title of " + name, List.of("mode", "wall s"),
                List.of(List.of("async", "1.50"), List.of("thread-pool", "FAILED: a|b")), new JsonArray(),
                "be fast", met, "it was 1.5 s", List.of("a note"));
    }

    @Test
    void textHasTitleAlignedColumnsTargetVerdictAndNotes() {
        assertThat(BenchTable.text(result("c10k", true))).isEqualTo("""
                Title of c10k
                mode              wall s
                -----------  -----------
                async               1.50
                thread-pool  FAILED: a|b
                target: be fast -> MET: it was 1.5 s
                note: a note
                """);
    }

    @Test
    void markdownEscapesPipesAndRightAlignsNumbers() {
        assertThat(BenchTable.markdown(result("c10k", false))).isEqualTo("""
                **Title of c10k**

                | mode | wall s |
                | --- | ---: |
                | async | 1.50 |
                | thread-pool | FAILED: a\\|b |

                - target: be fast -> NOT MET: it was 1.5 s
                - note: a note
                """);
        assertThat(BenchTable.verdictWord(null)).isEqualTo("NOT JUDGED");
    }

    @Test
    void aRowWithTheWrongNumberOfCellsIsRefused() {
        assertThatThrownBy(() -> new ScenarioResult("x", "t", List.of("a", "b"), List.of(List.of("1")), new JsonArray(),
                "t", null, "v", List.of())).hasMessageContaining("a row has 1 cells for 2 headers");
    }
}
