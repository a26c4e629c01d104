package dev.crawlcase.crawler.state;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A state shipped as a journal's copy and replayed elsewhere: its snapshot's batches, replayed into an empty store,
 * make the same URLs, done marks and records, a store that resumes (its checksum adds up), and replaying a batch
 * twice changes nothing. A batch survives its JSON form whole.
 */
class StateSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aSnapshotReplayedIntoAnEmptyStoreMakesTheSameStateAndReplayingAgainChangesNothing() {
        Map<String, Integer> found = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            found.put("http://127.0.0.1/p" + i, i % 3);
            lines.add("{\"url\":\"http://127.0.0.1/r" + i + "\"}");
        }
        found.put("http://127.0.0.1/r0", StateStore.DONE_FETCHED);
        found.put("http://127.0.0.1/r1", StateStore.DONE_UNFETCHED);
        List<StateBatch> shipped = new ArrayList<>();
        try (StateStore original = StateStore.open(dir.resolve("a"), false)) {
            original.write(new StateBatch(found, lines.subList(0, 4), 0));
            original.write(new StateBatch(Map.of(), lines.subList(4, 7), 4));
            original.snapshot(3, shipped::add);
        }
        assertThat(shipped).as("9 URLs and 7 records in batches of at most 3").hasSize(3 + 3)
                .allSatisfy(b -> assertThat(b.found().size() + b.recordLines().size()).isLessThanOrEqualTo(3));
        try (StateStore copy = StateStore.open(dir.resolve("b"), false)) {
            long n = 0;
            for (StateBatch b : shipped) {
                copy.replay(StateBatch.fromJson(b.toJson()), new JournalMark("c1", ++n));
            }
            copy.replay(StateBatch.fromJson(shipped.get(0).toJson()), new JournalMark("c1", n));
            assertThat(copy.journalMark()).isEqualTo(new JournalMark("c1", 6));
        }
        assertThat(contents(dir.resolve("b"))).isEqualTo(contents(dir.resolve("a")));
    }

    @Test
    void aBatchKeepsItsUrlsRecordsAndFirstSequenceThroughItsJsonForm() {
        Map<String, Integer> found = new LinkedHashMap<>();
        found.put("http://127.0.0.1/a", 2);
        found.put("http://127.0.0.1/b", StateStore.DONE_UNFETCHED);
        StateBatch batch = new StateBatch(found, List.of("{\"x\":\"\\u00e9\\n\"}"), 41);
        StateBatch back = StateBatch.fromJson(batch.toJson());
        assertThat(back).isEqualTo(batch);
        assertThat(StateBatch.empty().isEmpty()).isTrue();
    }

    /** Everything a resume reads: URLs with depths or done marks, and the records in order. */
    private static String contents(Path state) {
        try (StateStore store = StateStore.open(state, true)) {
            Map<String, Object> urls = new TreeMap<>();
            store.forEachUrl((url, fetched) -> urls.put(url, fetched ? "fetched" : "done"), urls::put);
            List<String> records = new ArrayList<>();
            store.forEachRecord(0, records::add);
            return urls + " " + records;
        }
    }
}
