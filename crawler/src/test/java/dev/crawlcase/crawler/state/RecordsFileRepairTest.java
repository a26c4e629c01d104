package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordsFileRepairTest {
    @TempDir
    Path dir;

    private StateStore storeWith(String... lines) {
        StateStore store = StateStore.open(dir.resolve("state"), false);
        store.write(new StateBatch(Map.of(), List.of(lines), 0));
        return store;
    }

    @Test
    void cutsATornLastLineAndAppendsWhatTheStoreCommittedAfterTheFile() throws Exception {
        Path file = Files.writeString(dir.resolve("r.jsonl"), "{\"a\":1}\n{\"b\":2}\n{\"c\":");
        try (StateStore store = storeWith("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}")) {
            RecordsFileRepair.Result r = RecordsFileRepair.repair(file, store);
            assertThat(r).isEqualTo(new RecordsFileRepair.Result(5, 2, 2));
            assertThat(Files.readAllLines(file)).containsExactly("{\"a\":1}", "{\"b\":2}", "{\"c\":3}", "{\"d\":4}");
        }
    }

    @Test
    void aFileWithOnlyATornLineOrNoFileStartsFromTheStore() throws Exception {
        Path torn = Files.writeString(dir.resolve("torn.jsonl"), "{\"a\"");
        try (StateStore store = storeWith("{\"a\":1}")) {
            assertThat(RecordsFileRepair.repair(torn, store)).isEqualTo(new RecordsFileRepair.Result(4, 0, 1));
            assertThat(Files.readAllLines(torn)).containsExactly("{\"a\":1}");
            Path missing = dir.resolve("sub/missing.jsonl");
            assertThat(RecordsFileRepair.repair(missing, store)).isEqualTo(new RecordsFileRepair.Result(0, 0, 1));
            assertThat(Files.readAllLines(missing)).containsExactly("{\"a\":1}");
        }
    }

    @Test
    void aFileInStepWithTheStoreIsLeftAlone() throws Exception {
        Path file = Files.writeString(dir.resolve("r.jsonl"), "{\"a\":1}\n");
        try (StateStore store = storeWith("{\"a\":1}")) {
            assertThat(RecordsFileRepair.repair(file, store)).isEqualTo(new RecordsFileRepair.Result(0, 1, 0));
            assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n");
        }
    }

    @Test
    void aFileLongerThanTheStoreIsAnotherCrawlsAndIsRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("r.jsonl"), "{\"a\":1}\n{\"b\":2}\n");
        try (StateStore store = storeWith("{\"a\":1}")) {
            assertThatThrownBy(() -> RecordsFileRepair.repair(file, store)).isInstanceOf(StateException.class)
                    .hasFieldOrPropertyWithValue("problem", StateException.Problem.FOREIGN_RECORDS)
                    .hasMessageContaining("holds 2 records but the state").hasMessageContaining("has only 1");
            assertThat(Files.readString(file)).isEqualTo("{\"a\":1}\n{\"b\":2}\n");
        }
    }

    @Test
    void aStateIsOpenedOnlyAsNewOrForAResumeAndByOneProcessAtATime() {
        Path state = dir.resolve("state");
        assertThatThrownBy(() -> StateStore.open(state, true)).isInstanceOf(StateException.class)
                .hasFieldOrPropertyWithValue("problem", StateException.Problem.NO_STATE)
                .hasMessageContaining("no crawl state in");
        try (StateStore store = StateStore.open(state, false)) {
            assertThat(store.meta()).isNull();
            assertThatThrownBy(() -> StateStore.open(state, false)).isInstanceOf(StateException.class)
                    .hasFieldOrPropertyWithValue("problem", StateException.Problem.ALREADY_HOLDS_STATE)
                    .hasMessageContaining("already holds a crawl state");
            assertThatThrownBy(() -> StateStore.open(state, true)).isInstanceOf(StateException.class)
                    .hasFieldOrPropertyWithValue("problem", StateException.Problem.CANNOT_OPEN)
                    .hasMessageContaining("cannot open " + StateStore.FILE);
        }
        try (StateStore again = StateStore.open(state, true)) {
            assertThat(again.finished()).isFalse();
            again.markFinished();
        }
        try (StateStore done = StateStore.open(state, true)) {
            assertThat(done.finished()).isTrue();
        }
    }
}
