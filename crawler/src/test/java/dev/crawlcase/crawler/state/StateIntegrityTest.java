package dev.crawlcase.crawler.state;

import dev.crawlcase.crawler.state.StateException.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A damaged state is refused on resume, never crawled from: random bit flips, one changed character of a stored URL,
 * a file cut short, an older copy put back. Each is either refused with a typed problem or reads back exactly what
 * was committed (a flip in a chunk no longer in use changes nothing).
 */
class StateIntegrityTest {
    private static final String SITE = "http://127.0.0.1:8001/";

    @TempDir
    Path dir;

    private Path state() {
        return dir.resolve("state");
    }

    private Path file() {
        return state().resolve(StateStore.FILE);
    }

    /** Writes {@code batches} batches of 50 URLs (half done, with records) and returns what a reader sees. */
    private String build(int batches) {
        try (StateStore store = StateStore.open(state(), false)) {
            store.describe(new StateStore.StateMeta(List.of(SITE), false, dir.resolve("r.jsonl"),
                    dir.resolve("s.json")));
            long seq = 0;
            for (int b = 0; b < batches; b++) {
                Map<String, Integer> found = new HashMap<>();
                List<String> lines = new ArrayList<>();
                for (int i = 0; i < 50; i++) {
                    String url = SITE + "page-" + b + "-" + i;
                    boolean done = i % 2 == 0;
                    found.put(url, done ? StateStore.DONE_FETCHED : 1 + i % 5);
                    if (done) {
                        lines.add("{\"url\":\"" + url + "\",\"outcome\":\"fetched\"}");
                    }
                }
                store.write(new StateBatch(found, lines, seq));
                seq += lines.size();
            }
            return contents(store);
        }
    }

    private static String contents(StateStore store) {
        Map<String, Object> all = new TreeMap<>();
        store.forEachUrl((url, fetched) -> all.put(url, "done " + fetched), all::put);
        List<String> lines = new ArrayList<>();
        store.forEachRecord(0, lines::add);
        return all + "\n" + lines + "\n" + store.meta();
    }

    private Problem refusal() {
        StateException e = catchThrowableOfType(StateException.class, () -> StateStore.open(state(), true).close());
        return e == null ? null : e.problem();
    }

    @Test
    void anIntactStateResumes() {
        String before = build(4);
        try (StateStore store = StateStore.open(state(), true)) {
            assertThat(contents(store)).isEqualTo(before);
        }
    }

    @Test
    void randomBitFlipsAreRefusedOrChangeNothing() throws Exception {
        String before = build(6);
        byte[] clean = Files.readAllBytes(file());
        int refused = 0;
        for (int seed = 0; seed < 40; seed++) {
            Random random = new Random(seed);
            byte[] bytes = clean.clone();
            for (int flip = 0; flip < 20; flip++) {
                int at = random.nextInt(bytes.length);
                bytes[at] ^= (byte) (1 << random.nextInt(8));
            }
            Files.write(file(), bytes);
            Problem problem = refusal();
            if (problem != null) {
                assertThat(problem).isIn(Problem.DAMAGED, Problem.CANNOT_OPEN, Problem.BEHIND);
                refused++;
            } else {
                try (StateStore store = StateStore.open(state(), true)) {
                    assertThat(contents(store)).as("seed %d", seed).isEqualTo(before);
                }
            }
        }
        assertThat(refused).isPositive();
    }

    @Test
    void oneChangedCharacterOfAStoredUrlIsRefusedAsDamaged() throws Exception {
        build(3);
        byte[] bytes = Files.readAllBytes(file());
        byte[] url = (SITE + "page-2-7").getBytes(StandardCharsets.UTF_8);
        int changed = 0;
        for (int i = 0; i + url.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + url.length, url, 0, url.length)) {
                bytes[i + url.length - 1] = '9';
                changed++;
            }
        }
        assertThat(changed).as("the URL is stored as plain text").isPositive();
        Files.write(file(), bytes);
        assertThat(refusal()).isEqualTo(Problem.DAMAGED);
    }

    @Test
    void aStateCutShortIsRefusedAsBehind() throws Exception {
        build(6);
        byte[] bytes = Files.readAllBytes(file());
        Files.write(file(), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThat(refusal()).isIn(Problem.BEHIND, Problem.CANNOT_OPEN);
        StateException e = catchThrowableOfType(StateException.class, () -> StateStore.open(state(), true));
        assertThat(e.getMessage()).satisfiesAnyOf(m -> assertThat(m).contains("cut short"),
                m -> assertThat(m).startsWith("cannot open"));
    }

    @Test
    void anOlderCopyPutBackIsRefusedAsBehind() throws Exception {
        build(2);
        Path copy = Files.copy(file(), dir.resolve("older.mv.db"));
        try (StateStore store = StateStore.open(state(), true)) {
            store.write(new StateBatch(Map.of(SITE + "later", 1), List.of("{\"url\":\"x\"}"), store.recordCount()));
        }
        Files.copy(copy, file(), StandardCopyOption.REPLACE_EXISTING);
        StateException e = catchThrowableOfType(StateException.class, () -> StateStore.open(state(), true));
        assertThat(e.problem()).isEqualTo(Problem.BEHIND);
        assertThat(e.getMessage()).contains("an older copy was put back").contains("3 of 4 commits");
    }

    @Test
    void aNewStateIsNotVerifiedAgainstAnOldSeal() {
        build(1);
        assertThatThrownBy(() -> StateStore.open(state(), false)).isInstanceOf(StateException.class);
    }
}
